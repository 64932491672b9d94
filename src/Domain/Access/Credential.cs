using LlmPlatform.Domain.Common;

namespace LlmPlatform.Domain.Access;

/// <summary>
/// A named set of provider secrets (<c>api_key</c>, <c>api_base</c>, <c>aws_access_key_id</c>, ...) that deployments
/// refer to by <c>litellm_credential_name</c>. Holds the values in clear only in memory; they never leave it unmasked.
/// </summary>
public sealed class Credential
{
    public const int MaxNameLength = 128;
    public const int MaxValueLength = 16 * 1024;

    private static readonly HashSet<string> PlainFields = new(StringComparer.Ordinal)
    {
        "api_base", "base_url", "api_version", "aws_region_name", "region_name", "vertex_project", "vertex_location",
    };

    private Credential(string name, IReadOnlyDictionary<string, string> values, string infoJson)
    {
        Name = name;
        Values = values;
        InfoJson = infoJson;
    }

    public string Name { get; }

    /// <summary>The values in clear; never logged, never returned by an API.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary><c>credential_info</c> as a JSON object: descriptive, not secret.</summary>
    public string InfoJson { get; }

    public static Result<Credential> Create(string? name, IReadOnlyDictionary<string, string?>? values, string? infoJson)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error.Validation("credential_name is required.", "credential_name");
        }

        if (name.Length > MaxNameLength || name.Any(char.IsControl) || name != name.Trim())
        {
            return Error.Validation($"credential_name must be 1 to {MaxNameLength} characters without control characters or surrounding spaces.", "credential_name");
        }

        if (values is null || values.Count == 0)
        {
            return Error.Validation("credential_values must hold at least one value, such as api_key.", "credential_values");
        }

        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxNameLength)
            {
                return Error.Validation("credential_values has an empty or overlong field name.", "credential_values");
            }

            if (value is null)
            {
                continue;
            }

            if (value.Length > MaxValueLength)
            {
                return Error.Validation($"credential_values.{key} is longer than {MaxValueLength} characters.", "credential_values");
            }

            clean[key] = value;
        }

        if (clean.Count == 0)
        {
            return Error.Validation("credential_values must hold at least one non-null value.", "credential_values");
        }

        return new Credential(name, clean, string.IsNullOrWhiteSpace(infoJson) ? "{}" : infoJson);
    }

    /// <summary>Returns this credential with the given values replaced (a null value removes the field) and, when given, new info.</summary>
    public Result<Credential> Update(IReadOnlyDictionary<string, string?>? values, string? infoJson)
    {
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in Values)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in values ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return Create(Name, merged, infoJson ?? InfoJson);
    }

    /// <summary>The value of a field as an API may show it: plain for addresses and versions, masked for secrets.</summary>
    public static string Mask(string field, string value)
    {
        if (PlainFields.Contains(field))
        {
            return value;
        }

        if (value.Length < 12)
        {
            return "****";
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var head = dash is > 0 and < 4 ? value[..(dash + 1)] : value[..2];
        return head + "..." + value[^4..];
    }
}
