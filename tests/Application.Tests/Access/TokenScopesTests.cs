using LlmPlatform.Application.Access.UserAccounts;

namespace LlmPlatform.Application.Tests.Access;

public sealed class TokenScopesTests
{
    [TestCase("""{"gateway_user_key":"token","scopes":["read"]}""", true)]
    [TestCase("""{"gateway_user_key":"token","scopes":["read","write"]}""", false)]
    [TestCase("""{"gateway_user_key":"token","scopes":[]}""", false)]
    [TestCase("""{"gateway_user_key":"token","scopes":["generate"]}""", false)]
    [TestCase("""{"gateway_user_key":"token","scopes":"read"}""", false)]
    [TestCase("""{"gateway_user_key":"session","scopes":["read"]}""", false)]
    [TestCase("""{"scopes":["read"]}""", false)]
    [TestCase("""{}""", false)]
    [TestCase(null, false)]
    public void IsReadOnly_OnlyForAPersonalTokenWithReadAndWithoutWrite(string? metadata, bool readOnly)
    {
        TokenScopes.IsReadOnly(metadata).Should().Be(readOnly);
    }
}
