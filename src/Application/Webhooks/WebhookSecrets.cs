using System.Security.Cryptography;

namespace LlmPlatform.Application.Webhooks;

/// <summary>Signing secrets: generated when the caller gives none, and masked whenever they are shown.</summary>
internal static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary><c>whsec_...abcd</c> for long secrets; short ones show nothing of themselves.</summary>
    public static string Mask(string secret)
    {
        if (secret.Length < 16)
        {
            return "****";
        }

        var prefix = secret.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix : string.Empty;
        return prefix + "..." + secret[^4..];
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
