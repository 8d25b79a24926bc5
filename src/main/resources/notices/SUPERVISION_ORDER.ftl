【督办令】${caseNumber} 超期${overdueDays}个工作日

【督办令】<#if orderNumber?has_content>${orderNumber} </#if>${caseNumber} ${title}
地点：${address}
责任单位：${leadUnitName}<#if leaderName?has_content>（包保领导：${leaderName}）</#if>
原整改时限：${deadlineText}，已超期 ${overdueDays} 个工作日仍未整改。
限 ${orderDeadline} 前整改到位，逾期移交纪工委问责。
