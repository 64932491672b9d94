using System.Security.Cryptography;
using System.Text;
using LlmPlatform.Domain.Access;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>The one way a virtual key is turned into what is stored: lower-case hex SHA-256.</summary>
public static class KeyHasher
{
    public static string Hash(string key) => KeySecret.Hash(key);

    /// <summary>Constant-time comparison of two secrets of any length.</summary>
    public static bool SecretsEqual(string presented, string expected)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
