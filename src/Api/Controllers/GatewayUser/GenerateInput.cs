namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>What to generate from: a prompt (images and meshes are not supported).</summary>
public sealed record GenerateInput(string? Prompt, IReadOnlyList<string>? Images, string? Mesh);
