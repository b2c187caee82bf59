/**
 * Model and endpoint contexts: where a string literal counts as a model id or a base URL. These are
 * language-neutral patterns over comment-free text; a value found here is then classified by the
 * model-id families, so `model = "auth.User"` yields nothing.
 */

/**
 * A key, parameter or property whose value is a model id: `model`, `modelName`, `model_id`,
 * `chatModel`, `DEFAULT_MODEL`, `deployment_name`, `engine`, `llm`. Tested on the last
 * dot-separated segment of the key.
 */
export const MODEL_KEY = /^(?:[\w-]*?model(?:[_-]?(?:name|id))?|[\w-]*?deployment(?:[_-]?(?:name|id))?|engine|llm)$/i;

/**
 * `key = "value"`, `key: 'value'`, `"key": "value"`, `key => "value"`, `Key := "value"`,
 * `key: str = "value"`, optionally through one wrapping call (`model: openai("gpt-4o")`,
 * `os.getenv("MODEL", "gpt-4o")`) or a fallback (`env.MODEL ?? "gpt-4o"`).
 * Groups: 1 key, 2 wrapping call (if any), 4 first string value.
 */
export const MODEL_ASSIGNMENT =
  /(?<![\w$-])["']?([A-Za-z_][\w.-]{0,60})["']?\]?\s*(?::=|=>|:\s*[A-Za-z_][\w.[\]]*(?:\s*\|\s*[\w.[\]]+)*\s*=(?!=)|[:=](?!=))\s*(?:[\w$.]+\s*(?:\?\?|\|\||\bor\b)\s*|([A-Za-z_$][\w$.]*)\(\s*)?(["'`])([^"'`\r\n]{1,160})\3/g;

/** After a wrapping call's first argument: a second string argument (an env lookup's default). Group 2: value. */
export const SECOND_STRING_ARGUMENT = /^\s*,\s*(?:default\s*=\s*)?(["'`])([^"'`\r\n]{1,160})\1/;

/**
 * Builder and option setters: `.modelName("gpt-4o")`, `.model("…")`, `.deploymentName("…")`,
 * `.WithModel("…")`, `.setChatModel("…")`. Only these names: `loadModel("x")` is not a model context.
 * Groups: 1 method, 3 value.
 */
export const MODEL_SETTER =
  /\.(?:[Ww]ith|[Ss]et)?((?:[Dd]efault|[Cc]hat|[Ee]mbedding)?[Mm]odel(?:[Nn]ame|[Ii]d|_name|_id)?|[Dd]eployment(?:[Nn]ame|[Ii]d)?)\s*\(\s*(["'`])([^"'`\r\n]{1,160})\2/g;

/** Unquoted `key: value` / `key=value` lines in YAML, .env, properties and TOML-like files. Groups: 1 key, 2 value. */
export const MODEL_CONFIG_LINE = /^[ \t-]*["']?([A-Za-z_][\w.-]{0,120})["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9][\w.:/@-]{0,159}?)["']?[ \t]*(?:#.*)?$/gm;

/** Command lines: `--model gpt-4o`, `"--model", "…"`, `ollama run llama3`, `vllm serve meta-llama/…`. Group 1: value. */
export const MODEL_COMMAND =
  /(?:--model(?:-name|-id)?["']?(?:[ \t]*[=,][ \t]*|[ \t]+)["']?|\b(?:ollama[ \t]+(?:run|pull)|vllm[ \t]+serve)[ \t]+["']?)([A-Za-z0-9][\w.:/@-]{1,159})/g;

/**
 * Keys and setters that carry a client's base URL (`base_url=`, `baseURL:`, `.baseUrl(`,
 * `WithBaseURL(`, `Endpoint = new Uri(`, `uri_base:`, `host=`). Only read inside a client call.
 */
export const BASE_URL_KEY =
  /(?<![\w$])(?:[Ww]ith)?(?:base_?ur[li]|base_?address|api_?base(?:_?url)?|openai_?api_?base|azure_?endpoint|endpoint|uri_?base|host)["']?\s*(?::=|=>|[:=(])/gi;

/** A string literal holding an absolute URL or a local `host:port`. Group 2: the text. */
export const URL_LITERAL = /(["'`])((?:https?|wss?):\/\/[^"'`\s]{1,300}|(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?::\d{1,5})?(?:\/[^"'`\s]*)?)\1/;

/** Values that are file paths, templates or expressions rather than model ids. */
export const NOT_MODEL_VALUE = /^[./\\~]|[\\{}$%<>\s()]|\.(?:gguf|ggml|bin|pt|pth|safetensors|onnx|json|ya?ml|txt|py|js|ts|pkl|h5|ckpt)$/i;

/**
 * Suffixes removed to get a model's canonical id, in order: Vertex `@date`, tags (`llama3.1:8b`),
 * dates (`-2024-08-06`, `-20241022`, `-08-2024`), `-latest`, preview dates, Gemini revisions
 * (`-002`) and four-digit snapshots (`gpt-4-0613`, `mistral-large-2407`).
 */
export const MODEL_ID_SUFFIXES: readonly RegExp[] = [
  /@\d{8}$/,
  /:[\w.-]+$/,
  /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/,
  /-\d{2}-\d{4}$/,
  /-latest$/,
  /(-preview)-\d{2}-\d{2}$/,
  /^(gemini-.*)-0\d\d$/,
  /-\d{4}$/,
];

/** A Hugging Face `organisation/name` id. Groups: 1 organisation, 2 name. */
export const HUGGING_FACE_ID = /^([a-z0-9][\w.-]{0,95})\/([a-z0-9][\w.-]{0,95})$/;

/** A bare Hugging Face model name (`gpt2`, `bert-base-uncased`), accepted only in Hugging Face calls. */
export const HUGGING_FACE_NAME = /^[a-z0-9][\w.-]{1,95}$/;

/** A router prefix: `anthropic/…`, `openai:…`. Groups: 1 prefix, 2 separator, 3 rest. */
export const ROUTER_FORM = /^([a-z][a-z0-9_-]*)([/:])(.+)$/;
