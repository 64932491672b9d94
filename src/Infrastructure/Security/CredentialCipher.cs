using System.Security.Cryptography;
using System.Text;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Security;

/// <summary>
/// Encrypts stored secrets with AES-256-GCM: a fresh random 96-bit nonce per value, the value's context (such as
/// the credential and field name) bound as associated data, and a key derived with HKDF-SHA256 from
/// <c>general_settings.encryption_key</c> (or <c>LLMPLATFORM_ENCRYPTION_KEY</c>).
/// </summary>
public sealed class CredentialCipher
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("llmplatform.credentials");
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("aes-256-gcm/v1");

    private readonly byte[]? _key;

    public CredentialCipher(PlatformConfiguration configuration)
        : this(configuration.General.EncryptionKey)
    {
    }

    public CredentialCipher(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, Salt, Info);
        }
    }

    /// <summary>Whether a key is configured; without one nothing secret can be stored.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>Returns <c>base64(version | nonce | tag | ciphertext)</c>.</summary>
    public string Encrypt(string plaintext, string context)
    {
        var key = _key ?? throw new InvalidOperationException("No encryption key is configured.");
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + clear.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        CryptographicOperations.ZeroMemory(clear);
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> made with the same key and context; tampering or a wrong key is an error value.</summary>
    public Result<string> Decrypt(string stored, string context)
    {
        if (_key is null)
        {
            return Unreadable("no encryption key is configured");
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(stored);
        }
        catch (FormatException)
        {
            return Unreadable("the stored value is not in the expected format");
        }

        if (data.Length < 1 + NonceSize + TagSize || data[0] != FormatVersion)
        {
            return Unreadable("the stored value is not in the expected format");
        }

        var clear = new byte[data.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(1 + NonceSize + TagSize), data.AsSpan(1 + NonceSize, TagSize), clear, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            return Unreadable("it was changed or encrypted with another key");
        }

        return Encoding.UTF8.GetString(clear);
    }

    private static Error Unreadable(string why) =>
        new(ErrorKind.Unavailable, "credential_unreadable", "A stored secret cannot be decrypted: " + why + ".");
}
