using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LlmPlatform.Api.Authentication.Sso;

/// <summary>
/// The <c>state</c> of a login: its expiry and a random nonce, signed, so the callback accepts only states this
/// deployment issued in the last ten minutes, with no server-side store.
/// </summary>
internal static class SsoState
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Issue(byte[] key, DateTimeOffset now)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{(now + Lifetime).ToUnixTimeSeconds()}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
        return payload + "." + Sign(key, payload);
    }

    public static bool IsValid(byte[] key, string? state, DateTimeOffset now)
    {
        var last = state?.LastIndexOf('.') ?? -1;
        if (state is null || last <= 0)
        {
            return false;
        }

        var payload = state[..last];
        var expected = Encoding.ASCII.GetBytes(Sign(key, payload));
        var given = Encoding.ASCII.GetBytes(state[(last + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return false;
        }

        var dot = payload.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(payload.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && now.ToUnixTimeSeconds() <= expires;
    }

    private static string Sign(byte[] key, string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
}
