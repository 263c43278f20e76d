"""The public read API under /api/v1/: published content as JSON, every text in every language.

Django REST framework serves it and drf-spectacular generates its OpenAPI 3 schema from these
views and serializers (/api/v1/schema/), shown by a vendored Swagger UI at /api/v1/docs/.
What is published, and what belongs to an exhibit, come from exhibits.content: this package
only says how it is written out.
"""
