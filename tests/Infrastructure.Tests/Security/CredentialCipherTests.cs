using LlmPlatform.Infrastructure.Security;

namespace LlmPlatform.Infrastructure.Tests.Security;

public sealed class CredentialCipherTests
{
    private const string Secret = "sk-live-0123456789abcdefghij";
    private readonly CredentialCipher _cipher = new("a passphrase for the tests");

    [Test]
    public void Decrypt_OfEncryptedValue_ReturnsTheOriginal()
    {
        var stored = _cipher.Encrypt(Secret, "credential\nazure\napi_key");

        var clear = _cipher.Decrypt(stored, "credential\nazure\napi_key");

        clear.IsSuccess.Should().BeTrue();
        clear.Value.Should().Be(Secret);
    }

    [Test]
    public void Encrypt_DoesNotContainThePlaintext()
    {
        var stored = _cipher.Encrypt(Secret, "ctx");

        stored.Should().NotContain(Secret);
        Convert.FromBase64String(stored).Length.Should().Be(1 + 12 + 16 + Secret.Length);
    }

    [Test]
    public void Encrypt_SameValueTwice_UsesDifferentNonces()
    {
        var first = Convert.FromBase64String(_cipher.Encrypt(Secret, "ctx"));
        var second = Convert.FromBase64String(_cipher.Encrypt(Secret, "ctx"));

        first.AsSpan(1, 12).SequenceEqual(second.AsSpan(1, 12)).Should().BeFalse();
        first.Should().NotEqual(second);
    }

    [Test]
    public void Decrypt_WhenCiphertextIsTampered_FailsWithoutAValue()
    {
        var bytes = Convert.FromBase64String(_cipher.Encrypt(Secret, "ctx"));
        bytes[^1] ^= 0x01;

        var clear = _cipher.Decrypt(Convert.ToBase64String(bytes), "ctx");

        clear.IsSuccess.Should().BeFalse();
        clear.Error!.Code.Should().Be("credential_unreadable");
    }

    [Test]
    public void Decrypt_WhenMovedToAnotherContext_Fails()
    {
        var stored = _cipher.Encrypt(Secret, "credential\na\napi_key");

        _cipher.Decrypt(stored, "credential\nb\napi_key").IsSuccess.Should().BeFalse();
    }

    [Test]
    public void Decrypt_WithAnotherKey_Fails()
    {
        var stored = _cipher.Encrypt(Secret, "ctx");

        new CredentialCipher("another passphrase").Decrypt(stored, "ctx").IsSuccess.Should().BeFalse();
    }

    [Test]
    public void Decrypt_WhenNotBase64_FailsWithoutThrowing()
    {
        _cipher.Decrypt("not base64 at all!", "ctx").IsSuccess.Should().BeFalse();
    }

    [Test]
    public void IsConfigured_WithoutAKey_IsFalseAndEncryptRefuses()
    {
        var cipher = new CredentialCipher((string?)null);

        cipher.IsConfigured.Should().BeFalse();
        cipher.Invoking(c => c.Encrypt(Secret, "ctx")).Should().Throw<InvalidOperationException>();
        cipher.Decrypt("AQ==", "ctx").IsSuccess.Should().BeFalse();
    }
}
