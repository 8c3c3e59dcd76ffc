package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("report.schema.json")
	require.NoError(t, err)
	return sch
}

// TestJSONSchema validates every line of real -json output, from files and
// from standard input, against report.schema.json.
func TestJSONSchema(t *testing.T) {
	sch := compileSchema(t)
	inputs, err := filepath.Glob("../../testdata/eval/*.raw.txt")
	require.NoError(t, err)
	inputs = append(inputs, "../../testdata/article.txt")
	dir := t.TempDir()
	inputs = append(inputs, writeFiles(t, dir, map[string]string{"a.txt": dirty, "b.txt": dirtyNoNL, "c.txt": clean},
		"a.txt", "b.txt", "c.txt")...)
	r := runCLI(t, nil, append([]string{"-json"}, inputs...)...)
	require.Equal(t, 0, r.code, r.stderr)
	r2 := runCLI(t, strings.NewReader(dirty), "-json")
	require.Equal(t, 0, r2.code, r2.stderr)

	lines, applied := 0, 0
	sc := bufio.NewScanner(strings.NewReader(r.stdout + r2.stdout))
	for sc.Scan() {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(sc.Text()))
		require.NoError(t, err)
		require.NoError(t, sch.Validate(v), sc.Text())
		lines++
		if v.(map[string]any)["applied"] == true {
			applied++
		}
	}
	require.NoError(t, sc.Err())
	require.Positive(t, applied)
	t.Logf("%d lines valid: %d edits made, %d suggestions", lines, applied, lines-applied)
}

// TestJSONSchemaRejects: the schema has teeth.
func TestJSONSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := `{"file":"a.txt","offset":6,"length":0,"line":1,"column":7,"old":"","new":" ","pass":"spacing","rule":"spacing/after-comma","message":"add a space","replacements":[" "],"confidence":1,"applied":true}`
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(good))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(v))
	merged := strings.Replace(good, `"spacing/after-comma"`, `"normalize/space-char+spacing/double-space"`, 1)
	v, err = jsonschema.UnmarshalJSON(strings.NewReader(merged))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(v))

	for _, bad := range []struct{ name, from, to string }{
		{"missing field", `"file":"a.txt",`, ``},
		{"unknown field", `"applied":true`, `"applied":true,"extra":1`},
		{"empty file", `"file":"a.txt"`, `"file":""`},
		{"negative offset", `"offset":6`, `"offset":-1`},
		{"fractional offset", `"offset":6`, `"offset":6.5`},
		{"line 0", `"line":1`, `"line":0`},
		{"column 0", `"column":7`, `"column":0`},
		{"confidence 0", `"confidence":1`, `"confidence":0`},
		{"confidence above 1", `"confidence":1`, `"confidence":1.5`},
		{"rule without a pass", `"rule":"spacing/after-comma"`, `"rule":"after-comma"`},
		{"no replacements", `"replacements":[" "]`, `"replacements":[]`},
		{"applied as a string", `"applied":true`, `"applied":"yes"`},
		{"empty message", `"message":"add a space"`, `"message":""`},
	} {
		s := strings.Replace(good, bad.from, bad.to, 1)
		require.NotEqual(t, good, s, bad.name)
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(v), bad.name)
	}
}

// TestJSONSchemaMatchesCode: the schema documents exactly the fields the
// command prints, and requires those it always prints.
func TestJSONSchemaMatchesCode(t *testing.T) {
	raw, err := os.ReadFile("report.schema.json")
	require.NoError(t, err)
	var doc struct {
		Properties map[string]struct {
			Description string `json:"description"`
		} `json:"properties"`
		Required []string `json:"required"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	var fields, required []string
	typ := reflect.TypeFor[jsonEdit]()
	for i := range typ.NumField() {
		name, opts, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		fields = append(fields, name)
		if opts != "omitempty" {
			required = append(required, name)
		}
	}
	var documented []string
	for name, p := range doc.Properties {
		documented = append(documented, name)
		assert.NotEmpty(t, p.Description, "field %s has no description", name)
	}
	slices.Sort(fields)
	slices.Sort(documented)
	slices.Sort(required)
	slices.Sort(doc.Required)
	assert.Equal(t, fields, documented)
	assert.Equal(t, required, doc.Required)
}

// suggester is a pass that suggests "the" for "teh" (not sure enough to be
// made) and corrects "recieve" to "receive".
var suggester = normalize.PassFunc{PassName: "test", Func: func(d *normalize.Doc) []normalize.Edit {
	var edits []normalize.Edit
	for _, tok := range d.Tokens() {
		switch tok.Text(d.Text) {
		case "teh":
			edits = append(edits, normalize.Edit{Start: tok.Start, End: tok.End, New: "the", Rule: "test/teh",
				Confidence: 0.3, Alternatives: []string{"ten", "tea"}, Message: "maybe the"})
		case "recieve":
			edits = append(edits, normalize.Edit{Start: tok.Start, End: tok.End, New: "receive", Rule: "test/ie",
				Confidence: 0.9})
		}
	}
	return edits
}}

// TestJSONSuggestions: suggestions come with applied false, their
// alternatives, in input order among the edits made, from files and from
// standard input alike, and fit the schema.
func TestJSONSuggestions(t *testing.T) {
	sch := compileSchema(t)
	p, err := copyedit.New(copyedit.WithPasses("spacing"), copyedit.WithPass(suggester))
	require.NoError(t, err)
	para := "I recieve teh letters,every day.\n\n"
	in := strings.Repeat(para, 3000) // a few chunks
	want, rep := p.CleanString(in)
	require.NotEmpty(t, rep.Suggestions)
	dir := t.TempDir()
	path := writeFiles(t, dir, map[string]string{"s.txt": in}, "s.txt")[0]

	for _, fromFile := range []bool{false, true} {
		var out, errb bytes.Buffer
		c := newCleaner(p, options{json: true}, markup.Auto, newOutWriter(&out), &errb)
		name := stdinName
		if fromFile {
			name = path
			c.files(t.Context(), []string{path, path}, 2)
		} else {
			c.stdin(strings.NewReader(in))
		}
		require.NoError(t, c.stdout.Flush())
		require.Empty(t, errb.String())
		edits := jsonLines(t, out.String())
		if fromFile {
			require.Equal(t, len(edits)%2, 0)
			edits = edits[:len(edits)/2]
		}
		require.Len(t, edits, len(rep.Changes)+len(rep.Suggestions))
		var changes []normalize.Change
		suggestions := 0
		for i, e := range edits {
			if i > 0 {
				require.LessOrEqual(t, edits[i-1].Offset, e.Offset)
			}
			require.Equal(t, name, e.File)
			require.Equal(t, in[e.Offset:e.Offset+e.Length], e.Old)
			if e.Rule == "test/teh" {
				require.False(t, e.Applied)
				require.Equal(t, []string{"the", "ten", "tea"}, e.Replacements)
				require.Equal(t, 0.3, e.Confidence)
				require.Equal(t, "maybe the", e.Message)
				suggestions++
			} else {
				require.True(t, e.Applied, "%+v", e)
			}
			if e.Applied {
				changes = append(changes, normalize.Change{Position: normalize.Position{Offset: e.Offset, Len: e.Length}, Old: e.Old, New: e.New})
			}
			line, err := json.Marshal(e)
			require.NoError(t, err)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
			require.NoError(t, err)
			require.NoError(t, sch.Validate(v))
		}
		require.Equal(t, 3000, suggestions)
		got, err := normalize.ApplyChanges(in, changes)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
}
