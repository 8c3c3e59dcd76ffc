package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/config"
)

func TestParseAndOptions(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "words.txt"), []byte("Zorblat\n"), 0o644))
	src := `
passes = ["normalize", "spacing", "spelling", "casing"]
disable = ["spacing/double-space"]
typography = "ascii"
locale = "uk"
word_files = ["words.txt"]
names = ["Okonkwo"]
heading_style = "ap"
threshold = 0.6
`
	path := filepath.Join(dir, config.FileName)
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	f, err := config.Load(path)
	require.NoError(t, err)
	assert.Equal(t, []string{"spacing/double-space"}, f.Disable)
	opts, err := f.Options()
	require.NoError(t, err)
	p, err := copyedit.New(opts...)
	require.NoError(t, err)
	assert.Equal(t, "The  \"colour\" of zorblat and Okonkwo.", p.Fix("The  “color” of zorblat and okonkwo."))
}

func TestErrorsHavePlaces(t *testing.T) {
	tests := []struct {
		src, want, why string
	}{
		{"passes = [\"spacing\"]\nlocal = \"uk\"\n", "cfg.toml:2:1: unknown key \"local\"", "unknown key with line and column"},
		{"threshold = \"high\"\n", "cfg.toml:1:", "wrong type"},
		{"passes = [\n", "cfg.toml:", "bad TOML"},
		{"locale = \"klingon\"\n", "cfg.toml: locale:", "bad value"},
		{"disable = [\"spacing/nope\"]\n", "spacing/nope", "unknown rule"},
		{"word_files = [\"missing.txt\"]\n", "missing.txt", "missing word file"},
		{"heading_style = \"mla\"\n", "heading_style", "unknown style"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			_, err := config.Parse([]byte(tt.src), "cfg.toml")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	assert.Equal(t, "", config.Find(deep))
	path := filepath.Join(root, config.FileName)
	require.NoError(t, os.WriteFile(path, nil, 0o644))
	assert.Equal(t, path, config.Find(deep))
}

// FuzzParse checks that any input either parses into options that build a
// pipeline, or fails with an error naming the file.
func FuzzParse(f *testing.F) {
	f.Add("passes = [\"spacing\"]\n")
	f.Add("locale = \"uk\"\ntypography = \"smart\"\n")
	f.Add("x = 1\n")
	f.Add("[table]\nkey = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := config.Parse([]byte(src), "fuzz.toml")
		if err != nil {
			if !assert.Contains(t, err.Error(), "fuzz.toml") {
				t.Fatal(err)
			}
			return
		}
		if _, err := cfg.Options(); err != nil {
			t.Fatalf("parsed but no options: %v", err)
		}
	})
}

func ExampleParse() {
	cfg, err := config.Parse([]byte("disable = [\"casing/heading\"]\nlocale = \"uk\"\n"), ".copyedit.toml")
	if err != nil {
		panic(err)
	}
	opts, _ := cfg.Options()
	p, _ := copyedit.New(opts...)
	fmt.Println(p.Fix("The color of the sky."))
	// Output: The colour of the sky.
}
