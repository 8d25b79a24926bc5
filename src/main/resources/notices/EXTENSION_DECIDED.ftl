【延期审批】${caseNumber} <#if approved>已同意<#else>未同意</#if>

【延期审批结果】${caseNumber} ${title}
${decisionText}

