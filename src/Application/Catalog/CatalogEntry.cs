using System.Text.Json;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Catalog;

/// <summary>
/// One deployment in force and where it comes from. <see cref="LitellmParams"/> and <see cref="ModelInfo"/> hold
/// the stored entry's extra fields (never its secrets); they are null for the configuration file's deployments.
/// </summary>
public sealed record CatalogEntry(ModelDeployment Deployment, bool Stored, JsonElement? LitellmParams, JsonElement? ModelInfo);
