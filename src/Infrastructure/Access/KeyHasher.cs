using System.Runtime.InteropServices;
using System.Security.Cryptography;
using LlmPlatform.Domain.Access;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>The one way a virtual key is turned into what is stored: lower-case hex SHA-256.</summary>
public static class KeyHasher
{
    public static string Hash(string key) => KeySecret.Hash(key);

    /// <summary>Constant-time comparison of two key hashes (their length, 64, is no secret).</summary>
    public static bool HashesEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(presented.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()));
}
