"""`verify lsp`: the language server for claim files."""
