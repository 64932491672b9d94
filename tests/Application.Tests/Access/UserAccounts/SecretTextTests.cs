using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.UserAccounts;

namespace LlmPlatform.Application.Tests.Access.UserAccounts;

/// <summary>The commands that carry a password or a provider key never show it in their text.</summary>
public sealed class SecretTextTests
{
    [Test]
    public void PasswordsAndProviderKeys_StayOutOfTheCommandsText()
    {
        var caller = new CallerIdentity { KeyHash = "h" };

        new RegisterUserCommand("a@example.com", "hunter2-secret", null, "Ada").ToString().Should().Contain("a@example.com").And.NotContain("hunter2-secret");
        new LoginUserCommand("a@example.com", "hunter2-secret").ToString().Should().NotContain("hunter2-secret");
        new AddProviderKeyCommand("openai", "sk-provider-secret", null, caller).ToString().Should().Contain("openai").And.NotContain("sk-provider-secret");
    }
}
