namespace LlmPlatform.Api.Errors;

/// <summary>One field at fault: where (<c>["body", "messages"]</c>), what, and its kind (<c>value_error.missing</c>).</summary>
public sealed record SaasValidationItem
{
    public required IReadOnlyList<string> Loc { get; init; }

    public required string Msg { get; init; }

    public required string Type { get; init; }
}
