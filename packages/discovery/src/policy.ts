// CI gate policy: which providers and models are allowed; secrets are forbidden.
export {};
