using BenchmarkDotNet.Attributes;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Gateway.Routing;

namespace LlmPlatform.Micro;

/// <summary>Picking a deployment among three for each routing strategy (and the single-deployment shortcut).</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private readonly Random _random = new(42);
    private readonly Dictionary<ModelDeployment, DeploymentState> _states = [];
    private Func<ModelDeployment, DeploymentState> _state = null!;
    private ModelDeployment[] _three = null!;
    private ModelDeployment[] _one = null!;

    [Params("simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing-v2", "cost-based-routing")]
    public string Strategy { get; set; } = "simple-shuffle";

    [GlobalSetup]
    public void Setup()
    {
        _three = Enumerable.Range(0, 3)
            .Select(i => ModelDeployment.Create($"dep-{i}", "gpt-4o-mini", "openai/gpt-4o-mini", new DeploymentSettings { Rpm = 1000 * (i + 1) }, new ModelPricing(0.00000015m * (i + 1), 0.0000006m)))
            .ToArray();
        _one = [_three[0]];
        var now = DateTimeOffset.UtcNow;
        foreach (var deployment in _three)
        {
            var state = new DeploymentState();
            state.Started(now);
            state.Succeeded(now, TimeSpan.FromMilliseconds(_random.Next(5, 50)), 100);
            _states[deployment] = state;
        }

        _state = d => _states[d];
    }

    [Benchmark]
    public ModelDeployment PickAmongThree() => DeploymentSelector.Pick(Strategy, _three, _state, DateTimeOffset.UtcNow, _random);

    [Benchmark]
    public ModelDeployment PickTheOnlyOne() => DeploymentSelector.Pick(Strategy, _one, _state, DateTimeOffset.UtcNow, _random);
}
