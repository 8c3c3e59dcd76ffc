package table

// The metadata layout shared by package lexicon (which documents the
// meaning of each value) and the generator: level in bits 0-7, class in
// bits 8-15, region flags in bits 16-31.

// Class values.
const (
	ClassWord = 1 + iota
	ClassUpper
	ClassProperName
	ClassAbbreviation
	ClassContraction
)

// Region flags.
const (
	RegionAmerican = 1 << iota
	RegionBritish
	RegionBritishZ
	RegionCanadian
	RegionAustralian
	RegionAmericanVariant
	RegionBritishVariant
	RegionCanadianVariant
	RegionAustralianVariant
)

// Meta packs an entry's level, class and region flags.
func Meta(level, class uint8, region uint16) uint32 {
	return uint32(level) | uint32(class)<<8 | uint32(region)<<16
}

// Unpack is the inverse of Meta.
func Unpack(m uint32) (level, class uint8, region uint16) {
	return uint8(m), uint8(m >> 8), uint16(m >> 16)
}
