using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Stands in for MVC's own validation of bound objects. Every rule lives in a FluentValidation validator behind
/// MediatR, and no type carries data annotations, so MVC's walk over each request's object graph (its messages,
/// tools and parts) found nothing and cost a visitor and a state dictionary per request. What is left of its job:
/// a value that bound without error counts as valid. Binding errors (a body that is not JSON, a query value of the
/// wrong type) are recorded while binding and still answer 400.
/// </summary>
internal sealed class NoModelValidation : IObjectModelValidator
{
    public void Validate(ActionContext actionContext, ValidationStateDictionary? validationState, string prefix, object? model)
    {
        foreach (var entry in actionContext.ModelState.FindKeysWithPrefix(prefix))
        {
            if (entry.Value.ValidationState == ModelValidationState.Unvalidated)
            {
                entry.Value.ValidationState = ModelValidationState.Valid;
            }
        }
    }
}
