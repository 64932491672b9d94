using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.UpdateModel;

/// <summary><c>POST /model/update</c> (id in <c>model_info.id</c>) and <c>PATCH /model/{id}/update</c>.</summary>
public sealed record UpdateModelCommand(CallerIdentity Caller, string? Id, JsonElement Changes) : ICommand<ModelInfoView>;
