using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Jobs.FineTuning;

namespace LlmPlatform.Application.Tests.Jobs.FineTuning;

public sealed class CreateFineTuningJobCommandValidatorTests
{
    private static readonly CallerIdentity Caller = new() { KeyHash = "hash" };

    private static CreateFineTuningJobCommand Command(string? hyperparameters = null, string? trainingFile = "file-a", string? model = "m", string? suffix = null) =>
        new(Caller, trainingFile, null, model, hyperparameters is null ? null : JsonDocument.Parse(hyperparameters).RootElement, suffix, null, null);

    [TestCase(null)]
    [TestCase("""{"n_epochs":"auto","batch_size":"auto","learning_rate_multiplier":"auto"}""")]
    [TestCase("""{"n_epochs":1,"batch_size":256,"learning_rate_multiplier":0.05}""")]
    [TestCase("""{"n_epochs":50,"beta":0.1}""")]
    public void Validate_AcceptableHyperparameters_Passes(string? hyperparameters)
    {
        new CreateFineTuningJobCommandValidator().Validate(Command(hyperparameters)).IsValid.Should().BeTrue();
    }

    [TestCase("""{"n_epochs":-1}""", "NEpochs")]
    [TestCase("""{"n_epochs":0}""", "NEpochs")]
    [TestCase("""{"n_epochs":51}""", "NEpochs")]
    [TestCase("""{"n_epochs":2.5}""", "NEpochs")]
    [TestCase("""{"n_epochs":"many"}""", "NEpochs")]
    [TestCase("""{"batch_size":0}""", "BatchSize")]
    [TestCase("""{"learning_rate_multiplier":0}""", "LearningRateMultiplier")]
    [TestCase("""{"learning_rate_multiplier":"fast"}""", "LearningRateMultiplier")]
    [TestCase("\"fast\"", "Hyperparameters")]
    public void Validate_OutOfBoundsHyperparameters_FailsNamingTheField(string hyperparameters, string field)
    {
        var result = new CreateFineTuningJobCommandValidator().Validate(Command(hyperparameters));

        result.IsValid.Should().BeFalse();
        result.Errors[0].PropertyName.Should().Be(field);
    }

    [Test]
    public void Validate_WithoutTrainingFileOrModelOrWithALongSuffix_Fails()
    {
        var validator = new CreateFineTuningJobCommandValidator();

        validator.Validate(Command(trainingFile: null)).Errors.Should().Contain(e => e.PropertyName == "TrainingFile");
        validator.Validate(Command(model: "")).Errors.Should().Contain(e => e.PropertyName == "Model");
        validator.Validate(Command(suffix: new string('s', 65))).Errors.Should().Contain(e => e.PropertyName == "Suffix");
    }
}
