【挂账审批】${caseNumber} <#if approved>已同意<#else>未同意</#if>

【挂账审批结果】${caseNumber} ${title}
${decisionText}
