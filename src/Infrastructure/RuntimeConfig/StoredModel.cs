using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>A deployment stored in the database: its entry in clear (in memory only) and what it parsed to.</summary>
internal sealed record StoredModel(string Id, JsonObject Entry, JsonElement PublicParams, JsonElement Info, ModelDeployment Deployment);
