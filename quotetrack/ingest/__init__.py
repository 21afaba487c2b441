"""Reading articles from files, folders, stdin and URLs, and cleaning raw pages."""
