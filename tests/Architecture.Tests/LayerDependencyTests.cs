using System.Reflection;
using NetArchTest.Rules;

namespace LlmPlatform.Architecture.Tests;

/// <summary>Dependencies point inward: Api -> Application -> Domain; Infrastructure -> Application -> Domain.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(LlmPlatform.Domain.Common.Error).Assembly;
    private static readonly Assembly Application = typeof(LlmPlatform.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(LlmPlatform.Infrastructure.DependencyInjection).Assembly;

    [Test]
    public void Domain_DependsOnNoOtherLayer()
    {
        var result = Types.InAssembly(Domain)
            .ShouldNot().HaveDependencyOnAny("LlmPlatform.Application", "LlmPlatform.Infrastructure", "LlmPlatform.Api")
            .GetResult();
        result.FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Test]
    public void Domain_ReferencesNoPackages()
    {
        Domain.GetReferencedAssemblies().Select(a => a.Name)
            .Should().OnlyContain(name => name!.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    [Test]
    public void Application_DependsOnlyOnDomain()
    {
        var result = Types.InAssembly(Application)
            .ShouldNot().HaveDependencyOnAny("LlmPlatform.Infrastructure", "LlmPlatform.Api", "Npgsql", "Dapper", "StackExchange.Redis", "Polly")
            .GetResult();
        result.FailingTypeNames.Should().BeNullOrEmpty();
        Application.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(["LlmPlatform.Infrastructure", "LlmPlatform.Api"]);
    }

    [Test]
    public void Infrastructure_DoesNotDependOnApi()
    {
        var result = Types.InAssembly(Infrastructure)
            .ShouldNot().HaveDependencyOn("LlmPlatform.Api")
            .GetResult();
        result.FailingTypeNames.Should().BeNullOrEmpty();
        Infrastructure.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("LlmPlatform.Api");
    }

    [Test]
    public void Controllers_DoNotTouchTheDatabaseDirectly()
    {
        var result = Types.InAssembly(typeof(LlmPlatform.Api.Controllers.DialectController).Assembly)
            .That().ResideInNamespace("LlmPlatform.Api.Controllers")
            .ShouldNot().HaveDependencyOnAny("Npgsql", "Dapper", "StackExchange.Redis")
            .GetResult();
        result.FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Test]
    public void Handlers_AreInternalAndSealed()
    {
        var handlers = Application.GetTypes()
            .Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract)
            .ToList();
        handlers.Should().NotBeEmpty();
        handlers.Should().OnlyContain(t => t.IsSealed && !t.IsPublic, "handlers are internal sealed by house style");
    }
}
