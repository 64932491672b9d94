using LlmPlatform.Domain.Access;

namespace LlmPlatform.Domain.Tests.Access;

public sealed class KeySecretTests
{
    [Test]
    public void Generate_MakesDistinctBase62KeysWithThePrefix()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => KeySecret.Generate()).ToList();

        keys.Should().OnlyHaveUniqueItems();
        keys.Should().OnlyContain(k => k.StartsWith("sk-", StringComparison.Ordinal) && k.Length == 46 && k.Substring(3).All(char.IsAsciiLetterOrDigit));
    }

    [Test]
    public void Hash_IsLowerHexSha256_AndTokenOfLeavesHashesAlone()
    {
        var hash = KeySecret.Hash("sk-abc");

        hash.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("sk-abc"u8)));
        hash.Should().MatchRegex("^[0-9a-f]{64}$");
        KeySecret.TokenOf("sk-abc").Should().Be(hash);
        KeySecret.TokenOf(hash).Should().Be(hash);
        KeySecret.DisplayName("sk-abcdefgh").Should().Be("sk-...efgh");
    }
}
