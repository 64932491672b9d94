using LlmPlatform.Domain.Access;

namespace LlmPlatform.Application.Access.Credentials;

/// <summary>A credential in force and where it comes from: the configuration file (read-only) or the database.</summary>
public sealed record StoredCredential(Credential Credential, bool FromConfig);
