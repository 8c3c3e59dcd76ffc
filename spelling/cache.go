package spelling

import (
	"hash/maphash"
	"sync/atomic"
)

// cacheSlots is the number of verdicts a Speller remembers across
// documents.
const cacheSlots = 1 << 12

// decisionCache is a Speller's memory of its verdicts on unknown words,
// shared by every document it cleans (a document's own memory is in its
// evidence): a fixed number of slots, each holding the last verdict whose
// key hashed there, read and written atomically, so it is safe for
// concurrent use without a lock and its memory is bounded (a few hundred
// kilobytes when full). A verdict depends only on its key and the
// Speller's configuration.
type decisionCache struct {
	seed  maphash.Seed
	slots [cacheSlots]atomic.Pointer[cachedDecision]
}

type cachedDecision struct {
	key decisionKey
	dec decision
}

func newDecisionCache() *decisionCache {
	return &decisionCache{seed: maphash.MakeSeed()}
}

func (c *decisionCache) slot(k decisionKey) *atomic.Pointer[cachedDecision] {
	h := maphash.String(c.seed, k.word)
	h ^= uint64(k.shape) | uint64(k.locale)<<8
	if k.plural {
		h ^= 1 << 16
	}
	if k.singular {
		h ^= 1 << 17
	}
	h *= 0x9e3779b97f4a7c15
	return &c.slots[h>>(64-12)]
}

// get returns the verdict remembered for k.
func (c *decisionCache) get(k decisionKey) (decision, bool) {
	if e := c.slot(k).Load(); e != nil && e.key == k {
		return e.dec, true
	}
	return decision{}, false
}

// put remembers the verdict d for k, whose word must not change.
func (c *decisionCache) put(k decisionKey, d decision) {
	c.slot(k).Store(&cachedDecision{key: k, dec: d})
}
