"""The REST API: a router over each app's read endpoints, every one scoped by the selectors."""
