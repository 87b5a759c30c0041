"""Constants shared by the serve tests (a module of its own: `conftest` is not importable by name)."""

#: An English article whose text holds markup that must show as text in the dashboard.
HOSTILE_ID = "hostile-markup"
HOSTILE_TEXT = (
    "Washington - The United States accused Russia of election meddling on Monday. "
    "<script>window.__dyad_xss = 'script';</script> "
    "A statement read <img src=x onerror=\"window.__dyad_xss = 'onerror'\"> in full."
)
SEED_ID = "000_c8f14cc41eaac8fb"
