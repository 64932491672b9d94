using System.Security.Cryptography;
using System.Text;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Embeddings;
using LlmPlatform.Application.Gateway.Images;
using LlmPlatform.Application.Gateway.Moderations;
using LlmPlatform.Application.Gateway.Rerank;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Mock;

/// <summary>
/// The <c>mock/</c> provider's embeddings, moderations, images and rerank: deterministic answers derived from the
/// input, so tests and demos need no network.
/// </summary>
internal sealed class MockEndpointsAdapter : IEmbeddingsAdapter, IModerationsAdapter, IImageAdapter, IRerankAdapter
{
    /// <summary>The default vector length (OpenAI's text-embedding-3-small).</summary>
    public const int DefaultDimensions = 1536;

    /// <summary>A valid 1x1 transparent PNG.</summary>
    public const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static readonly string[] Categories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
        "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    /// <summary>The words the mock flags, and the category each one falls under.</summary>
    private static readonly Dictionary<string, string> FlaggedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kill"] = "violence",
        ["hurt"] = "violence",
        ["attack"] = "violence",
        ["hate"] = "hate",
        ["suicide"] = "self-harm",
        ["harass"] = "harassment",
    };

    private readonly ITokenCounter _tokens;
    private readonly TimeProvider _time;

    public MockEndpointsAdapter(ITokenCounter tokens, TimeProvider time)
    {
        _tokens = tokens;
        _time = time;
    }

    public IReadOnlyCollection<string> Providers { get; } = ["mock"];

    public async ValueTask<Result<EmbeddingsResponse>> EmbedAsync(ModelDeployment deployment, EmbeddingsRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await DelayAsync(deployment, cancellationToken).ConfigureAwait(false);
        var texts = TextInputs.Texts(request.Input!.Value);
        var dimensions = request.Dimensions ?? DefaultDimensions;
        var data = new List<EmbeddingItem>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            data.Add(new EmbeddingItem { Index = i, Embedding = EmbeddingVectors.ToElement(Vector(texts[i], dimensions), request.WantsBase64) });
        }

        var prompt = TextInputs.CountTokens(request.Input, _tokens);
        return new EmbeddingsResponse
        {
            Data = data,
            Model = deployment.UpstreamModel,
            Usage = new EmbeddingsUsage { PromptTokens = prompt, TotalTokens = prompt },
        };
    }

    public async ValueTask<Result<ModerationResponse>> ModerateAsync(ModelDeployment deployment, ModerationRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await DelayAsync(deployment, cancellationToken).ConfigureAwait(false);
        var results = ModerationInputs.Texts(request.Input)!.Select(Classify).ToList();
        return new ModerationResponse { Id = "modr-mock-" + Guid.NewGuid().ToString("N"), Model = deployment.UpstreamModel, Results = results };
    }

    public async ValueTask<Result<ImageResponse>> GenerateAsync(ModelDeployment deployment, ImageRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await DelayAsync(deployment, cancellationToken).ConfigureAwait(false);
        var asUrl = request.ResponseFormat == "url";
        var data = Enumerable.Range(0, request.N ?? 1)
            .Select(_ => new ImageData
            {
                Url = asUrl ? "data:image/png;base64," + TinyPng : null,
                B64Json = asUrl ? null : TinyPng,
                RevisedPrompt = request.Prompt,
            })
            .ToList();
        return new ImageResponse { Created = _time.GetUtcNow().ToUnixTimeSeconds(), Data = data };
    }

    public async ValueTask<Result<RerankResponse>> RerankAsync(
        ModelDeployment deployment,
        RerankRequest request,
        IReadOnlyList<string> documents,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        await DelayAsync(deployment, cancellationToken).ConfigureAwait(false);
        var query = Words(request.Query ?? string.Empty);
        var results = documents
            .Select((text, index) => new RerankResult { Index = index, RelevanceScore = Overlap(query, Words(text)) })
            .ToList();
        return new RerankResponse { Id = "rerank-mock-" + Guid.NewGuid().ToString("N"), Results = results };
    }

    /// <summary>A unit vector seeded by the text's SHA-256: the same text always gives the same vector.</summary>
    internal static float[] Vector(string text, int dimensions)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var state = BitConverter.ToUInt64(hash) | 1UL;
        var vector = new float[dimensions];
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var value = (float)(((state >> 11) * (1.0 / (1UL << 53))) * 2 - 1);
            vector[i] = value;
            norm += value * value;
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }

    private static ModerationResult Classify(string text)
    {
        var hits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            foreach (var (flagged, category) in FlaggedWords)
            {
                if (word.StartsWith(flagged, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add(category);
                }
            }
        }

        return new ModerationResult
        {
            Flagged = hits.Count > 0,
            Categories = Categories.ToDictionary(c => c, hits.Contains, StringComparer.Ordinal),
            CategoryScores = Categories.ToDictionary(c => c, c => hits.Contains(c) ? 0.95 : 0.001, StringComparer.Ordinal),
        };
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The share of query words found in the document.</summary>
    private static double Overlap(HashSet<string> query, HashSet<string> document) =>
        query.Count == 0 ? 0 : Math.Round((double)query.Count(document.Contains) / query.Count, 6);

    private Task DelayAsync(ModelDeployment deployment, CancellationToken cancellationToken) =>
        deployment.Settings.MockLatency > TimeSpan.Zero
            ? Task.Delay(deployment.Settings.MockLatency, _time, cancellationToken)
            : Task.CompletedTask;
}
