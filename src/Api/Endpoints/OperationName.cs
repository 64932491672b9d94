namespace LlmPlatform.Api.Endpoints;

/// <summary>The OpenAPI operationId of a plain (non-MVC) endpoint, as MVC actions get theirs from controller and action.</summary>
internal sealed record OperationName(string Value);
