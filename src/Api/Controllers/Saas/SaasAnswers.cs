using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The SaaS dialect's own wording of the core's failures, and its required-field check.</summary>
internal static class SaasAnswers
{
    /// <summary>The error with <paramref name="detail"/> as its text when its code is <paramref name="code"/>; otherwise unchanged.</summary>
    public static Error Reword(this Error error, string code, string detail) =>
        string.Equals(error.Code, code, StringComparison.Ordinal) ? error with { Message = detail } : error;

    /// <summary>The first of the named body fields that is absent or blank, as a missing-field error; null when all are given.</summary>
    public static Error? FirstMissing(params (string Field, string? Value)[] fields) =>
        fields.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value)) is { Field: { } field } ? Error.Missing(field) : null;

    /// <summary>A time as the dialect writes it: UTC, ending in <c>Z</c>.</summary>
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;
}
