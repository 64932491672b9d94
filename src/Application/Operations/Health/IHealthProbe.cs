namespace LlmPlatform.Application.Operations.Health;

/// <summary>Checks one kind of dependency (the database, the cache, the providers).</summary>
public interface IHealthProbe
{
    /// <summary>database, cache or provider.</summary>
    string Kind { get; }

    Task<IReadOnlyList<ServiceHealth>> CheckAsync(CancellationToken cancellationToken);
}
