using LlmPlatform.Application.Access.UserAccounts;

namespace LlmPlatform.Application.Tests.Access.UserAccounts;

/// <summary>Passwords are kept as salted PBKDF2 hashes and checked against them.</summary>
public sealed class PasswordHashTests
{
    [Test]
    public void TheRightPassword_Matches_AndAWrongOneDoesNot()
    {
        var stored = PasswordHash.Create("correct horse");

        PasswordHash.Verify("correct horse", stored).Should().BeTrue();
        PasswordHash.Verify("correct horsE", stored).Should().BeFalse();
    }

    [Test]
    public void TheSamePassword_HashesDifferently_EachTime()
    {
        PasswordHash.Create("same").Should().NotBe(PasswordHash.Create("same"), "each hash has its own salt");
    }

    [Test]
    public void NoStoredHash_NeverMatches()
    {
        PasswordHash.Verify("decoy-password-never-used", null).Should().BeFalse();
    }

    [TestCase("")]
    [TestCase("md5$1$abc$def")]
    [TestCase("pbkdf2-sha256$x$abc$def")]
    [TestCase("pbkdf2-sha256$1000$not base64$def")]
    [TestCase("pbkdf2-sha256$0$c2FsdA==$aGFzaA==")]
    [TestCase("pbkdf2-sha256$1000$c2FsdA==$")]
    public void AMalformedHash_NeverMatches(string stored)
    {
        PasswordHash.Verify("anything", stored).Should().BeFalse();
    }
}
