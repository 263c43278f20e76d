"""The OpenAPI schema (drf-spectacular): every operation documents its errors and its ETag."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from exhibits.api.errors import ErrorSerializer

ERRORS = {
    "400": "An unknown query parameter, or one that is not valid (a malformed date, an unknown choice).",
    "404": "No such published object, or no such page of the list.",
    "406": "The Accept header asks for something other than JSON.",
}


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        responses["304"] = {"description": "Not modified: the ETag sent in If-None-Match is still current."}
        for code, description in ERRORS.items():
            responses.setdefault(
                code, self._get_response_for_code(OpenApiResponse(ErrorSerializer, description), code)
            )
        return responses

    def get_override_parameters(self):
        return [
            OpenApiParameter(
                "ETag",
                str,
                OpenApiParameter.HEADER,
                response=["200"],
                required=True,
                description="The content version of this response: send it back in If-None-Match.",
            )
        ]
