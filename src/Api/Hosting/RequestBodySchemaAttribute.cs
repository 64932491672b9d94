namespace LlmPlatform.Api.Hosting;

/// <summary>Documents the JSON body of an action that reads it untyped (see <see cref="BodySchemas"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodySchemaAttribute : BodySchemaAttribute
{
    public RequestBodySchemaAttribute(Type type, params string[] extraFields)
        : base(type, extraFields)
    {
    }

    /// <summary>False when the action also accepts an empty body.</summary>
    public bool Required { get; init; } = true;
}
