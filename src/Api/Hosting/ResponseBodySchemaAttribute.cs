namespace LlmPlatform.Api.Hosting;

/// <summary>Documents a 200 answer that is not a single C# type (see <see cref="BodySchemas"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseBodySchemaAttribute : BodySchemaAttribute
{
    public ResponseBodySchemaAttribute(Type type, params string[] extraFields)
        : base(type, extraFields)
    {
    }

    /// <summary>A second shape the answer may take instead (<c>oneOf</c>).</summary>
    public Type? Alternative { get; init; }
}
