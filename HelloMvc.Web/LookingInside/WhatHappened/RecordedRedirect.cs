using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>
/// The record <see cref="WhatHappenedRecorder"/> wrote for this response, kept among the request's features until the
/// response starts, for <see cref="WhatHappenedMiddleware"/> to add the cookies that came after it.
/// </summary>
/// <param name="SetCookiesRecorded">How many of the response's Set-Cookie headers the record already holds.</param>
internal sealed record RecordedRedirect(ITempDataDictionary TempData, List<RedirectStep> Trail, int SetCookiesRecorded);
