using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Access.Authentication;

namespace LlmPlatform.Application.Tests.Access.AccessGroups;

public sealed class SaveAccessGroupCommandValidatorTests
{
    private static readonly CallerIdentity Caller = new() { KeyHash = "hash" };

    private readonly SaveAccessGroupCommandValidator _validator = new();

    [Test]
    public void Validate_OfAGroupWithoutModelsOrDetails_FailsOnModels()
    {
        var result = _validator.Validate(new SaveAccessGroupCommand("group", [], true, Caller));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("models");
    }

    [Test]
    public void Validate_OfADescribedGroupWithoutModels_Passes()
    {
        var command = new SaveAccessGroupCommand("group", null, false, Caller) { Details = new AccessGroupDetails { Description = "later" } };

        _validator.Validate(command).IsValid.Should().BeTrue();
    }

    [TestCase("active", true)]
    [TestCase("inactive", true)]
    [TestCase("paused", false)]
    public void Validate_OfAStatus_AcceptsActiveAndInactiveOnly(string status, bool valid)
    {
        var command = new SaveAccessGroupCommand("group", ["m"], false, Caller) { Details = new AccessGroupDetails { Status = status } };

        var result = _validator.Validate(command);

        result.IsValid.Should().Be(valid);
        if (!valid)
        {
            result.Errors[0].PropertyName.Should().Be("status");
        }
    }
}
