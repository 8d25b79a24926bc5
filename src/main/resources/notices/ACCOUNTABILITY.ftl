【问责决定】${caseNumber} ${measure}

【问责决定】${caseNumber} ${title}
问责对象：${target}
问责措施：${measure}
理由：${reasons}
<#if (appealWorkingDays > 0)>如有异议，可在 ${appealWorkingDays} 个工作日内提出申诉。<#else>本决定为申诉后的最终决定。</#if>
