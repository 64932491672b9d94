using System.Security.Cryptography;
using System.Text;

namespace LlmPlatform.Domain.Access;

/// <summary>Makes new virtual keys: <c>sk-</c> and 43 random base62 characters (about 256 bits).</summary>
public static class KeySecret
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 43;

    public static string Generate() => "sk-" + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>What is stored for a key: its SHA-256 as lower-case hex.</summary>
    public static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        var buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var written = Encoding.UTF8.GetBytes(key, buffer);
        SHA256.HashData(buffer[..written], hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A presented key (<c>sk-...</c>) hashed, or a stored hash as it is.</summary>
    public static string TokenOf(string keyOrToken) =>
        keyOrToken.StartsWith("sk-", StringComparison.Ordinal) ? Hash(keyOrToken) : keyOrToken;

    /// <summary>The part of a key that may be shown again: <c>sk-...</c> and its last four characters.</summary>
    public static string DisplayName(string key) => key.Length <= 4 ? "sk-..." : "sk-..." + key[^4..];
}
