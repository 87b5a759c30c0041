"""The routes of the web app, one router per part: records, aggregates, ingest and pages."""
