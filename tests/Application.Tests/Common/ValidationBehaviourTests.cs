using FluentValidation;
using LlmPlatform.Application.Common.Behaviours;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Tests.Common;

public sealed class ValidationBehaviourTests
{
    public sealed record Probe(string Name) : IRequest<Result<string>>;

    private sealed class SyncValidator : AbstractValidator<Probe>
    {
        public SyncValidator() => RuleFor(p => p.Name).NotEmpty().WithMessage("'name' is required.");
    }

    private sealed class AsyncValidator : AbstractValidator<Probe>
    {
        public AsyncValidator() =>
            RuleFor(p => p.Name)
                .MustAsync(async (name, ct) =>
                {
                    await Task.Yield();
                    return name != "taken";
                })
                .WithMessage("'name' is taken.");
    }

    /// <summary>A synchronous rule that counts its runs, then an asynchronous one.</summary>
    private sealed class CountingAsyncValidator : AbstractValidator<Probe>
    {
        public CountingAsyncValidator()
        {
            RuleFor(p => p.Name).Must(_ =>
            {
                Runs++;
                return true;
            });
            RuleFor(p => p.Name).MustAsync(async (_, ct) =>
            {
                await Task.Yield();
                return true;
            });
        }

        public int Runs { get; private set; }
    }

    private static Task<Result<string>> RunAsync(IValidator<Probe> validator, Probe probe, Action called) =>
        new ValidationBehaviour<Probe, Result<string>>([validator]).Handle(
            probe,
            CancellationToken.None,
            () =>
            {
                called();
                return Task.FromResult(Result<string>.Success("handled"));
            });

    [Test]
    public async Task SynchronousRule_Failing_StopsTheRequestWithTheRulesMessage()
    {
        var called = false;
        var result = await RunAsync(new SyncValidator(), new Probe(string.Empty), () => called = true);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Message.Should().Be("'name' is required.");
        result.Error.Param.Should().Be("name");
        called.Should().BeFalse();
    }

    [Test]
    public async Task AsynchronousRule_StillRuns_AndItsFailureStopsTheRequest()
    {
        var called = false;
        var result = await RunAsync(new AsyncValidator(), new Probe("taken"), () => called = true);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Message.Should().Be("'name' is taken.");
        called.Should().BeFalse();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ValidRequest_ReachesTheHandler(bool asynchronous)
    {
        var called = false;
        IValidator<Probe> validator = asynchronous ? new AsyncValidator() : new SyncValidator();
        var result = await RunAsync(validator, new Probe("free"), () => called = true);

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().Be("handled");
        called.Should().BeTrue();
    }

    [Test]
    public async Task ValidatorWithAnAsynchronousRule_IsTriedSynchronouslyOnlyOnce()
    {
        var validator = new CountingAsyncValidator();

        (await RunAsync(validator, new Probe("a"), () => { })).IsSuccess.Should().BeTrue();
        (await RunAsync(validator, new Probe("b"), () => { })).IsSuccess.Should().BeTrue();

        // The first request runs the synchronous rule twice (the synchronous try, then the asynchronous pass); the
        // second goes straight to the asynchronous pass.
        validator.Runs.Should().Be(3);
    }

    [TestCase("", "'name' is required.")]
    [TestCase("taken", "'name' is taken.")]
    [TestCase("free", null)]
    public async Task SeveralValidators_EachRuns_WhicheverComesFirstAsynchronous(string name, string? refusal)
    {
        foreach (var chain in new IValidator<Probe>[][] { [new AsyncValidator(), new SyncValidator()], [new SyncValidator(), new AsyncValidator()] })
        {
            var called = false;
            var result = await new ValidationBehaviour<Probe, Result<string>>(chain).Handle(
                new Probe(name),
                CancellationToken.None,
                () =>
                {
                    called = true;
                    return Task.FromResult(Result<string>.Success("handled"));
                });

            result.IsSuccess.Should().Be(refusal is null);
            result.Error?.Message.Should().Be(refusal);
            called.Should().Be(refusal is null);
        }
    }
}
