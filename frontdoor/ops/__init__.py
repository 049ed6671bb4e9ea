"""Running Front Door as a service: `frontdoor serve`, `frontdoor backup`, `frontdoor restore`.

No models and no domain: these commands know the database and the application server only.
"""
