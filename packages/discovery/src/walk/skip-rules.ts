/** Directories never entered: dependencies, virtual environments, build output, caches, VCS metadata. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  "jspm_packages",
  "vendor",
  ".venv",
  "venv",
  "site-packages",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  "Pods",
  "Carthage",
  "target",
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".angular",
  ".turbo",
  ".parcel-cache",
  ".yarn",
  ".pnpm-store",
  "coverage",
  ".nyc_output",
  ".gradle",
  ".terraform",
  ".serverless",
  ".dart_tool",
  "DerivedData",
  "elm-stuff",
  ".eggs",
]);

/** .NET build output, skipped when the directory holding them has a project or solution file. */
export const DOTNET_OUTPUT_DIRECTORIES: ReadonlySet<string> = new Set(["bin", "obj"]);
/** Project files that mark a .NET project directory. */
export const DOTNET_PROJECT_FILE = /\.(?:csproj|fsproj|vbproj|sln|slnx)$/i;
/** A directory named `env` is skipped only when it is a Python virtual environment (has this file). */
export const VIRTUALENV_MARKER = "pyvenv.cfg";

/** Extensions of files that are binary or generated data and never read. */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  ...["png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "heic", "avif", "svgz"],
  ...["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "epub"],
  ...[
    "zip",
    "gz",
    "tgz",
    "bz2",
    "xz",
    "zst",
    "7z",
    "rar",
    "tar",
    "jar",
    "war",
    "ear",
    "aar",
    "apk",
    "ipa",
    "whl",
    "egg",
    "nupkg",
    "gem",
    "deb",
    "rpm",
    "dmg",
    "iso",
  ],
  ...["exe", "dll", "so", "dylib", "a", "lib", "o", "obj", "class", "pyc", "pyo", "pyd", "wasm", "node", "bin", "dat"],
  ...["woff", "woff2", "ttf", "otf", "eot"],
  ...["mp3", "mp4", "m4a", "mov", "avi", "mkv", "wav", "flac", "ogg", "webm", "opus"],
  ...["sqlite", "sqlite3", "db", "mdb", "parquet", "arrow", "feather", "avro", "orc", "npy", "npz", "pkl", "pickle", "h5", "hdf5"],
  ...["onnx", "pt", "pth", "safetensors", "gguf", "ggml", "ckpt", "tflite", "pb", "mlmodel", "joblib"],
  ...["map"],
]);

/** Lockfiles may exceed the normal size limit (they are read as text but never held beyond one file). */
export const LOCKFILE_NAMES: ReadonlySet<string> = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "poetry.lock",
  "uv.lock",
  "Pipfile.lock",
  "Gemfile.lock",
  "go.sum",
]);

/** Size limit for lockfiles. */
export const LOCKFILE_MAX_BYTES = 32 * 1024 * 1024;
