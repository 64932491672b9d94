namespace LlmPlatform.Bench.Runner;

/// <summary>Where and how one target is called for one upstream: URL, model name and extra headers.</summary>
internal sealed record Endpoint(Uri Url, string Model, IReadOnlyList<KeyValuePair<string, string>> Headers);
