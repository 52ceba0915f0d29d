// Synthetic workspaces for the benchmark, built from the shapes of the bundled examples/: the
// schemes of one certification body with a management-system division (ISO 9001 schemes under
// ISO/IEC 17021-1) and a product division (type 5 and type 1b product schemes, type 6 service and
// process schemes under ISO/IEC 17065), shared competence and role files, one-person register
// files and user catalogs that several schemes refer to. Every workspace validates with no
// diagnostics at all (the benchmark checks it): timing error paths would measure nothing.
//
// The generator is pure and deterministic: the same size gives the same files, except the
// qualification dates, which are relative to today so that none expires.

/** IAF ID 1 areas of the product families and the management-system clients. */
const productFamilies = [
    { code: 'Cable', area: 19, noun: 'low-voltage cables', standard: 'EN50525', tests: ['Conductor resistance', 'Insulation thickness', 'Voltage test', 'Insulation resistance', 'Ageing of the insulation', 'Flame propagation'], parts: ['Conductor', 'Insulation', 'Core identification'] },
    { code: 'Breaker', area: 19, noun: 'miniature circuit breakers', standard: 'EN60898', tests: ['Tripping characteristic', 'Dielectric strength', 'Temperature rise', 'Short-circuit capacity', 'Mechanical endurance', 'Resistance to heat'], parts: ['Enclosure', 'Terminals', 'Operating mechanism'] },
    { code: 'Luminaire', area: 19, noun: 'LED luminaires', standard: 'EN60598', tests: ['Protection against electric shock', 'Insulation resistance', 'Endurance and thermal test', 'Ingress protection', 'Creepage distances', 'Photobiological safety'], parts: ['Housing', 'Control gear', 'Wiring'] },
    { code: 'Pipe', area: 14, noun: 'PE pressure pipes', standard: 'EN12201', tests: ['Hydrostatic strength', 'Melt flow rate', 'Oxidation induction time', 'Longitudinal reversion', 'Wall thickness', 'Slow crack growth'], parts: ['Compound', 'Dimensions', 'Colour and stripes'] },
    { code: 'Block', area: 16, noun: 'concrete masonry units', standard: 'EN771', tests: ['Compressive strength', 'Dimensional tolerances', 'Water absorption', 'Freeze-thaw resistance', 'Density', 'Thermal conductivity'], parts: ['Aggregates', 'Cement content', 'Curing'] },
    { code: 'Fastener', area: 17, noun: 'structural steel bolts', standard: 'EN14399', tests: ['Tensile strength', 'Proof load', 'Hardness', 'Impact energy', 'Thread dimensions', 'Coating thickness'], parts: ['Steel grade', 'Heat treatment', 'Coating'] },
    { code: 'Boiler', area: 18, noun: 'gas-fired heating boilers', standard: 'EN15502', tests: ['Gas soundness', 'Combustion products', 'Useful efficiency', 'Ignition and flame supervision', 'Overheat protection', 'Electrical safety'], parts: ['Heat exchanger', 'Burner', 'Controls'] }
];

/** Type 6 schemes: a service and a process family, each with its scheme owner's rules as a catalog. */
const serviceFamilies = [
    { code: 'Installation', area: 28, subject: 'service', noun: 'electrical installation contractors', rules: 'EIC_RULES', work: 'completed installations', headings: ['Qualified supervisor', 'Standard of work', 'Certificates and records', 'Complaints', 'Use of the registration logo'] },
    { code: 'HeatTreatment', area: 17, subject: 'process', noun: 'heat treatment of steel parts', rules: 'HT_RULES', work: 'furnace loads', headings: ['Furnace qualification', 'Process control', 'Temperature uniformity records', 'Complaints', 'Use of the process mark'] }
];

const msSectors = [
    { area: 19, scope: 'Manufacture of insulated cables and wires to customer drawings and published standards' },
    { area: 17, scope: 'Machining, welding and surface treatment of steel components for the automotive industry' },
    { area: 28, scope: 'Design and installation of building services in commercial premises' },
    { area: 14, scope: 'Injection moulding of plastic housings and closures' },
    { area: 18, scope: 'Assembly and servicing of industrial pumps and compressors' },
    { area: 33, scope: 'Development, hosting and support of business software' },
    { area: 35, scope: 'Facility management and cleaning services for offices and hospitals' },
    { area: 16, scope: 'Production of ready-mixed concrete and precast concrete elements' }
];
const sectorAreas = [...new Set([...msSectors.map(s => s.area), ...productFamilies.map(f => f.area), ...serviceFamilies.map(f => f.area)])].sort((a, b) => a - b);

const firstNames = ['Anika', 'Benedict', 'Clara', 'Diego', 'Eileen', 'Filip', 'Gareth', 'Helena', 'Iris', 'Joseph', 'Karin', 'Luc', 'Maeve', 'Nana', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Stefan', 'Tamsin', 'Ugo', 'Vera', 'Wojciech', 'Ximena', 'Yusuf', 'Zofia'];
const lastNames = ['Patel', 'Okafor', 'Novak', 'Silva', 'Murphy', 'Kowalski', 'Hughes', 'Rossi', 'Chen', 'Mensah', 'Lindqvist', 'Dubois', 'Brennan', 'Osei', 'Berg', 'Iyer', 'Moreau', 'Garcia', 'Huber', 'Evans', 'Bianchi', 'Horvat', 'Nowak', 'Reyes', 'Demir', 'Wolff', 'Tanaka', 'Adeyemi'];

// ---- Shared competences and roles ------------------------------------------------------------

const annexA = [
    ['BusinessManagement', 'Business management practices', 'A.2.1', 'How organisations are structured and run.'],
    ['AuditPrinciples', 'Audit principles, practices and techniques', 'A.2.2', 'Planning and performing audits, sampling, weighing evidence, grading findings.'],
    ['QmsStandard', 'ISO 9001:2015 requirements', 'A.2.3', 'Working knowledge of every clause of ISO 9001 and of the ISO/IAF expected outcomes.'],
    ['CbProcesses', 'Our certification processes', 'A.2.4', 'Application, audit programme, audit time, decision, marks, suspension and withdrawal.'],
    ['SectorKnowledge', "Client's business sector", 'A.2.5', 'Practices, risks and regulation of the sectors we certify; held per technical area.'],
    ['ClientProcesses', "Client's products, processes and organisation", 'A.2.6', 'What the client makes or provides and how delivery is organised.'],
    ['Language', 'Language and communication', 'A.2.7', "Communicating at every level of the client, in the client's working language."],
    ['ReportWriting', 'Note-taking and report writing', 'A.2.8', 'Recording objective evidence and writing traceable audit reports.'],
    ['Presentation', 'Presentation', 'A.2.9', 'Presenting the audit plan, findings and conclusions.'],
    ['Interviewing', 'Interviewing', 'A.2.10', 'Open, neutral questioning that obtains evidence without leading.'],
    ['AuditManagement', 'Audit management', 'A.2.11', 'Leading the team: plan, time, assignments, conflicts and the audit conclusion.']
];

function competencesFile() {
    const lines = [
        '// Competences of the certification body, shared by both divisions.',
        '// Annex A rows of ISO/IEC 17021-1 for management-system work, technical competences per product',
        '// family and per service or process family for ISO/IEC 17065 6.1.2.',
        ''
    ];
    for (const [name, title, row, summary] of annexA) {
        lines.push(`competence ${name} "${title}"`, `    basis ISO17021_1 ${row}`);
        if (name === 'SectorKnowledge') lines.push(`    areas ${sectorAreas.map(a => `IAF ${a}`).join(', ')}`);
        lines.push(`    summary "${summary}"`, '');
    }
    lines.push(
        'competence ProductCertification "Product certification under ISO/IEC 17065"', '    basis ISO17065 7, ISO17067',
        '    summary "Scheme types, functional elements, evaluation, review and surveillance."', '',
        'competence CertificationDecisions "Certification decisions"', '    basis ISO17065 7.6, ISO17021_1 9.5',
        '    summary "Judging whether the evidence supports granting, maintaining, suspending or withdrawing."', '',
        'competence MarkControl "Control of certificates and marks"', '    basis ISO17065 4.1.3, ISO17021_1 8.3',
        '    summary "Licensing marks, keeping product and system marks apart, following up misuse."', '',
        'competence ProductionControl "Factory production control"', '    basis ISO17065 6.1.2',
        `    areas ${productFamilies.map(f => f.area).filter((a, i, all) => all.indexOf(a) === i).map(a => `IAF ${a}`).join(', ')}`,
        '    summary "Process controls, in-line testing and traceability in series production."', ''
    );
    for (const family of productFamilies) {
        lines.push(`competence ${family.code}Testing "Type and sample testing of ${family.noun}"`, '    basis ISO17065 6.1.2',
            `    areas IAF ${family.area}`, `    summary "${family.tests.slice(0, 3).join(', ')}; reading the ${family.standard} test methods."`, '');
    }
    for (const family of serviceFamilies) {
        lines.push(`competence ${family.code}Assessment "Assessment of ${family.noun}"`, '    basis ISO17065 6.1.2',
            `    areas IAF ${family.area}`, `    summary "Judging ${family.work} and the records behind them against the scheme rules."`, '');
    }
    return lines.join('\n');
}

/** The management-system division's roles: the file every ISO 9001 scheme and its people refer to. */
export const systemsRoles = [
    ['ApplicationReviewer', 'Application reviewer', ['QmsStandard', 'CbProcesses', 'SectorKnowledge', 'ClientProcesses'], 'Checks an application is complete and sets audit time and team competence.'],
    ['LeadAuditor', 'Lead auditor', annexA.map(r => r[0]), 'Leads stage 1, stage 2, surveillance and recertification audits.'],
    ['Auditor', 'Auditor', annexA.slice(0, 8).map(r => r[0]), 'Audits as a member of a team led by a lead auditor.'],
    ['TechnicalExpert', 'Technical expert', ['SectorKnowledge', 'ClientProcesses'], 'Brings sector knowledge to an audit team; does not audit alone.'],
    ['CertificationReviewer', 'Certification reviewer', ['AuditPrinciples', 'QmsStandard', 'CbProcesses', 'SectorKnowledge', 'ReportWriting'], 'Reviews the audit report before the decision; never one of the auditors.'],
    ['DecisionMaker', 'Certification decision maker', ['CertificationDecisions', 'AuditPrinciples', 'QmsStandard', 'CbProcesses', 'SectorKnowledge'], 'Takes management-system certification decisions; never one of the auditors of the client.'],
    ['CertificateAdministrator', 'Certificate administrator', ['CbProcesses', 'MarkControl'], 'Issues certificates after a positive decision and keeps the directory of certified clients.']
];

const productRoles = [
    ['ProductApplicationReviewer', 'Product application reviewer', ['ProductCertification', 'CbProcesses', 'SectorKnowledge', 'ClientProcesses'], 'Checks product applications and plans the evaluation.'],
    ['FactoryAuditor', 'Factory auditor', ['AuditPrinciples', 'QmsStandard', 'CbProcesses', 'SectorKnowledge', 'ClientProcesses', 'ReportWriting', 'Interviewing', 'AuditManagement'], "Audits the maker's quality management system and production."],
    ['ProductTechnicalExpert', 'Production expert', ['ProductionControl', 'SectorKnowledge', 'ClientProcesses'], 'Assesses factory production control with the factory auditor.'],
    ...productFamilies.map(f => [`${f.code}TestEngineer`, `Test engineer, ${f.noun}`, [`${f.code}Testing`, 'ClientProcesses'], `Draws samples and performs or witnesses tests of ${f.noun}.`]),
    ...serviceFamilies.map(f => [`${f.code}Assessor`, `Assessor, ${f.noun}`, [`${f.code}Assessment`, 'AuditPrinciples', 'ReportWriting', 'ClientProcesses'], `Assesses ${f.work} and audits the records behind them.`]),
    ['ProductReviewer', 'Evaluation reviewer', ['ProductCertification', 'AuditPrinciples', 'CbProcesses', 'SectorKnowledge'], 'Reviews the evaluation file before the decision; never one of the evaluators.'],
    ['CertificationManager', 'Certification manager', ['CertificationDecisions', 'ProductCertification', 'CbProcesses', 'MarkControl'], 'Takes product, process and service decisions and signs licences.'],
    ['LicenceAdministrator', 'Licence administrator', ['CbProcesses', 'MarkControl'], 'Issues certificates and mark licences and keeps the register of licensees.']
];

const needsOf = new Map([...systemsRoles, ...productRoles].map(([name, , needs]) => [name, needs]));

function rolesFile(header, roles) {
    const lines = [...header, ''];
    for (const [name, title, needs, summary] of roles) {
        lines.push(`role ${name} "${title}" {`, `    needs ${needs.join(', ')}`, `    summary "${summary}"`, '}', '');
    }
    return lines.join('\n');
}

// ---- People ----------------------------------------------------------------------------------

/** Who is qualified for what: evaluators, reviewers and decision makers are different people. */
const systemsPostings = [['LeadAuditor', 'Auditor'], ['Auditor'], ['Auditor', 'TechnicalExpert'], ['LeadAuditor', 'Auditor'], ['ApplicationReviewer', 'CertificationReviewer'], ['DecisionMaker'], ['CertificateAdministrator'], ['TechnicalExpert']];
const productPostings = [
    ['FactoryAuditor'], ...productFamilies.map(f => [`${f.code}TestEngineer`, 'ProductTechnicalExpert']),
    ...serviceFamilies.map(f => [`${f.code}Assessor`]), ['ProductApplicationReviewer', 'ProductReviewer'], ['CertificationManager'], ['LicenceAdministrator'],
    ...productFamilies.map(f => [`${f.code}TestEngineer`])
];

function addMonths(date, months) {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0));
    return d.toISOString().slice(0, 10);
}

function personFile(index, roles, division, now) {
    const first = firstNames[index % firstNames.length];
    const last = lastNames[Math.floor(index / firstNames.length) % lastNames.length];
    const id = `${first[0].toLowerCase()}${last.toLowerCase()}${index}`;
    const competences = [...new Set(roles.flatMap(r => needsOf.get(r)))];
    const areaOf = role => productFamilies.find(f => role.startsWith(f.code))?.area ?? serviceFamilies.find(f => role.startsWith(f.code))?.area;
    const own = roles.map(areaOf).filter(a => a !== undefined);
    const sector = msSectors[index % msSectors.length].area;
    const areas = [...new Set(own.length > 0 ? own : competences.includes('SectorKnowledge') || competences.includes('ProductionControl') ? [sector === 33 || sector === 35 ? 19 : sector, 19] : [])];
    const until = addMonths(now, 12 + (index % 30));
    const lines = [
        `// ${division} person register: ${first} ${last}. Kept out of the published scheme files.`,
        `person ${id} "${first} ${last}" {`,
        `    qualified ${roles.map(r => `${r} until ${until}`).join(', ')}`,
        `    competent ${competences.join(', ')}`
    ];
    if (areas.length > 0) lines.push(`    areas ${areas.map(a => `IAF ${a}`).join(', ')}`);
    lines.push(`    evidence "${roles[0].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} qualification ${2015 + (index % 10)}, witnessed ${2024 + (index % 2)}"`);
    lines.push(`    evidence "${4 + (index % 37)} assignments in the last three years; ${index % 3 === 0 ? 'no complaints upheld' : 'annual calibration meeting attended'}"`);
    lines.push('}', '');
    return lines.join('\n');
}

// ---- Catalogs --------------------------------------------------------------------------------

function productCatalog(family, k) {
    const id = `${family.standard}_P${k}`;
    const lines = [
        `// A user catalog: the product standard for ${family.noun}, part ${k}. Numbers and own headings only.`,
        `catalog ${id} "${family.standard} part ${k}: ${family.noun}" edition "${2011 + (k % 13)}" {`,
        `    designation "${family.standard.replace(/^EN/, 'EN ')}-${k}:${2011 + (k % 13)}"`,
        `    clause 1 "Scope" summary "The ${family.noun} this part covers, by rating and size."`,
        '    clause 2 "Construction" {'
    ];
    family.parts.forEach((part, i) => lines.push(`        clause 2.${i + 1} "${part}" summary "${part} as declared for the type, within the limits of the standard."`));
    lines.push('    }', `    clause 3 "Marking" summary "Origin, type code and rating, legible and durable."`, '    clause 4 "Tests on finished products" {');
    family.tests.forEach((test, i) => lines.push(`        clause 4.${i + 1} "${test}"${i < 2 ? ` summary "${test} of every sampled type within the declared limits."` : ''}`));
    lines.push('    }', '}', '');
    return { id, text: lines.join('\n') };
}

function rulesCatalog(family, k) {
    const id = `${family.rules}_${k}`;
    const lines = [
        `// The scheme owner's own rules for ${family.noun}, issue ${k}: a user catalog.`,
        `catalog ${id} "Scheme rules for ${family.noun}, issue ${k}" edition "${2020 + (k % 6)}" {`,
        `    designation "EA-${family.code.toUpperCase()}-${String(k).padStart(2, '0')}"`
    ];
    family.headings.forEach((heading, i) => {
        if (i < 3) {
            lines.push(`    clause ${i + 1} "${heading}" {`,
                `        clause ${i + 1}.1 "Requirement" summary "${heading}: what the registered business does."`,
                `        clause ${i + 1}.2 "Records" summary "${heading}: the records kept for the assessor."`, '    }');
        } else {
            lines.push(`    clause ${i + 1} "${heading}" summary "${heading} as the scheme rules say."`);
        }
    });
    lines.push('}', '');
    return { id, text: lines.join('\n') };
}

// ---- Schemes ---------------------------------------------------------------------------------

const msChecks = [
    ['processInteraction', 'Are the QMS processes, their sequence and interaction, owners and measures defined?', '4.4', 'process map, owner list, KPIs'],
    ['customerRequirements', 'Are orders reviewed for the ability to meet them before acceptance?', '8.2.3', 'sampled orders with review evidence'],
    ['correctiveActions', 'Are nonconformities analysed to root cause and the effectiveness of actions checked?', '10.2', 'corrective action records of the last 12 months'],
    ['auditProgramme', 'Does the internal audit programme cover every process, with auditors who do not audit their own work?', '9.2', 'internal audit programme and reports'],
    ['managementReview', 'Did the last management review consider all the required inputs and lead to decisions?', '9.3', 'management review minutes'],
    ['suppliers', 'Are external providers evaluated and re-evaluated against criteria?', '8.4.1', 'approved supplier list with evaluation records'],
    ['satisfaction', 'How does the client know whether customers are satisfied, and what did it do with the result?', '9.1.2', 'customer survey or complaint analysis'],
    ['competenceRecords', 'Is the competence of people doing work that affects quality determined and recorded?', '7.2', 'training and qualification records'],
    ['documentControl', 'Are documents of external origin identified and controlled?', '7.5.3.2', 'master list and distribution records'],
    ['riskActions', 'Are the risks and opportunities determined and the actions planned and evaluated?', '6.1', 'risk register and action plans'],
    ['releaseControl', 'Is the release of products and services authorised by a named person after the planned checks?', '8.6', 'release records'],
    ['leadership', 'Does top management take accountability for the effectiveness of the QMS?', '5.1.1', 'interview with top management, policy, objectives']
];
const exclusions = [
    ['8.3', 'The client makes its products to customer drawings and published standards; it does no design and development.'],
    ['8.5.5', 'The client has no activities after delivery: installation and service are the customer\'s own.'],
    ['7.1.5.1', 'No monitoring or measuring resources are used to verify conformity; products are checked by the customer on receipt.'],
    null
];
/** Splits of the surveillance programme over two years; each covers 9 and 10 (the expected outcomes). */
const surveillanceSplits = [
    [['4', '5', '7.1 .. 7.2', '8.1 .. 8.2', '9', '10'], ['6', '7.3 .. 7.5', '8.4 .. 8.7', '9', '10']],
    [['4 .. 6', '8.1 .. 8.4', '9', '10'], ['7', '8.5 .. 8.7', '9', '10']],
    [['5', '7', '9', '10'], ['4', '6', '8', '9', '10']]
];

function checkText(check, excluded, indent) {
    const [name, question, ref, evidence] = check;
    if (excluded && (ref === excluded || ref.startsWith(`${excluded}.`))) return [];
    return [`${indent}check ${name} "${question}"`, `${indent}    refs ISO9001 ${ref}`, `${indent}    evidence "${evidence}"`, `${indent}    graded findings`];
}

function msScheme(i) {
    const sector = msSectors[i % msSectors.length];
    const exclusion = exclusions[i % exclusions.length];
    const excluded = exclusion?.[0];
    const split = surveillanceSplits[i % surveillanceSplits.length];
    const pick = k => msChecks[(i * 3 + k) % msChecks.length];
    const id = `QMS_${String(i).padStart(4, '0')}`;
    const coverList = list => list.filter(c => c !== excluded).map(c => `ISO9001 ${c}`).join(', ');
    const lines = [
        `// ISO 9001 certification for client group ${i} (IAF ${sector.area}) under ISO/IEC 17021-1: three-year cycle,`,
        '// annual surveillance whose audits together cover every clause, recertification before 36 months.',
        `scheme ${id} "ISO 9001 certification, client group ${i}" {`,
        `    version "${1 + (i % 4)}.${i % 10}"`,
        '    owner "Example Approvals Ltd"',
        '    certifies managementSystem ISO9001',
        '    operatedUnder ISO17021_1',
        `    scope "${sector.scope} (IAF ${sector.area})"`,
        '    cycle 3 years',
        `    mark QMS_${i}_LOGO "rectangular system certification logo, with certificate number" shape rectangle on certificates, documents, stationery`
    ];
    if (exclusion) lines.push(`    exclude ISO9001 ${exclusion[0]} because "${exclusion[1]}"`);
    lines.push(
        '    activity application: applicationReview by ApplicationReviewer {',
        '        check scopeAndSites "Are the scope, sites, headcount and shifts known well enough to set audit time?"',
        '            refs ISO17021_1 9.1.2 evidence "application review record with the audit-time calculation" graded passFail',
        '    }',
        `    activity stage1: stage1 audit by LeadAuditor { covers ISO9001 4, ISO9001 5.2, ISO9001 6, ISO9001 9.2, ISO9001 9.3 }`,
        `    activity stage2: stage2 audit by LeadAuditor, Auditor${i % 2 === 0 ? ', TechnicalExpert' : ''} {`,
        '        covers ISO9001 4 .. 10',
        ...checkText(pick(0), excluded, '        '),
        ...checkText(pick(1), excluded, '        '),
        '    }',
        '    activity reportReview: review by CertificationReviewer {',
        '        check reportComplete "Does the audit report support its conclusion, with every nonconformity graded?" refs ISO17021_1 9.5.2 graded passFail',
        '    }',
        '    activity decision: decision by DecisionMaker {',
        '        criteria "no open major nonconformity; corrections and corrective actions for minor nonconformities accepted"',
        '    }',
        `    activity certificate: attestation by CertificateAdministrator issues certificate, rightToUseCertificate licenses QMS_${i}_LOGO`,
        '    surveillance every 12 months firstWithin 12 months {',
        '        activity surveillanceYear1: surveillanceAudit audit by LeadAuditor, Auditor {',
        `            covers ${coverList(split[0])}`,
        ...checkText(pick(2), excluded, '            '),
        '        }',
        '        activity surveillanceYear2: surveillanceAudit audit by LeadAuditor {',
        `            covers ${coverList(split[1])}`,
        '        }',
        '    }',
        '    recertification before 36 months {',
        '        activity recertificationAudit: recertificationAudit audit by LeadAuditor, Auditor { covers ISO9001 4 .. 10 }',
        '        activity recertificationReview: review by CertificationReviewer',
        '        activity recertificationDecision: decision by DecisionMaker',
        '    }',
        '}',
        ''
    );
    return { id, text: lines.join('\n') };
}

function type5Scheme(i, family, catalog) {
    const id = `${family.code.toUpperCase()}_T5_${String(i).padStart(4, '0')}`;
    const t = k => family.tests[(i + k) % family.tests.length];
    const testClause = k => `${catalog} 4.${((i + k) % family.tests.length) + 1}`;
    const engineer = `${family.code}TestEngineer`;
    const lines = [
        `// Type 5 product certification of ${family.noun} (ISO/IEC 17065, ISO/IEC 17067 type 5), using the`,
        "// maker's ISO 9001 QMS as ISO/IEC Guide 53 describes; the product standard is a shared user catalog.",
        `scheme ${id} "Product certification of ${family.noun}, programme ${i}" {`,
        `    version "${2 + (i % 3)}.${i % 7}"`,
        '    owner "Example Approvals Ltd"',
        '    certifies product',
        '    operatedUnder ISO17065',
        '    type ISO17067 5',
        '    usesQms ISO9001',
        `    scope "${family.noun} to ${catalog}, ratings and sizes listed in the certificate schedule"`,
        `    requirement ${catalog}`,
        `    mark M${i}_APPROVAL "circular approval mark, with licence number" shape circle on products, packaging`,
        '    activity application: applicationReview by ProductApplicationReviewer {',
        '        check scopeDefined "Are the types, sizes and factories to be certified listed without ambiguity?"',
        '            evidence "application form with type codes and factory addresses" graded passFail',
        '    }',
        `    activity sampling: selection by ${engineer} { sample "${2 + (i % 3)} samples per type family, drawn by us from finished stock" }`,
        `    activity typeTest: determination testing by ${engineer} {`,
        `        covers ${catalog} 2, ${catalog} 4`,
        `        check test${i % 100}a "Does every sample meet the requirement for ${t(0).toLowerCase()}?" refs ${testClause(0)} evidence "accredited test report" graded measurement`,
        `        check test${i % 100}b "Does every sample pass the ${t(1).toLowerCase()} test?" refs ${testClause(1)} evidence "test log with results per sample" graded passFail`,
        '    }',
        `    activity markingInspection: determination inspection by ${engineer} { covers ${catalog} 3 }`,
        '    activity factoryAudit: determination audit by FactoryAuditor, ProductTechnicalExpert {',
        '        covers ISO9001 7.1.5, ISO9001 8.4 .. 8.7',
        '        check routineTests "Are routine tests done on every production lot and recorded?" refs ISO9001 8.5.1 evidence "production test records" graded findings',
        '    }',
        '    activity review: review by ProductReviewer {',
        '        check fileComplete "Are the test reports and the audit report on file and consistent with the scope applied for?" graded passFail',
        '    }',
        '    activity decision: decision by CertificationManager { criteria "all tests passed; no open major nonconformity" }',
        `    activity licence: attestation by LicenceAdministrator issues certificate, rightToUseCertificate, markLicence licenses M${i}_APPROVAL`,
        '    surveillance every 12 months firstWithin 12 months {',
        `        activity marketSamples: determination testing by ${engineer} from market { covers ${catalog} 4.1 .. 4.3 }`,
        '        activity productionAssessment: determination productionAssessment by FactoryAuditor, ProductTechnicalExpert { covers ISO9001 8.5 .. 8.7 }',
        '        activity qmsAudit: determination audit by FactoryAuditor { covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 9.3, ISO9001 10.2 }',
        '    }',
        '}',
        ''
    ];
    return { id, text: lines.join('\n') };
}

function batchScheme(i, family, catalog) {
    const id = `${family.code.toUpperCase()}_BATCH_${String(i).padStart(4, '0')}`;
    const engineer = `${family.code}TestEngineer`;
    const lines = [
        `// Type 1b batch certification of imported consignments of ${family.noun} (ISO/IEC 17067 type 1b):`,
        '// samples from the consignment, a batch certificate, no surveillance and no mark licence.',
        `scheme ${id} "Batch certification of ${family.noun}, importer group ${i}" {`,
        `    version "1.${i % 9}"`,
        '    owner "Example Approvals Ltd"',
        '    certifies batch',
        '    operatedUnder ISO17065',
        '    type ISO17067 1b',
        `    scope "One identified consignment of ${family.noun} to ${catalog}, listed by lot number"`,
        `    requirement ${catalog} 2 .. 4`,
        '    activity application: applicationReview by ProductApplicationReviewer {',
        '        check batchIdentified "Is the consignment identified by packing list and lot numbers, and held until release?"',
        '            evidence "packing list and the importer\'s hold confirmation" graded passFail',
        '    }',
        `    activity sampling: selection by ${engineer} {`,
        `        sample "lots drawn at random: 2 for up to 50 lots, 3 up to 200, 5 above"`,
        '        criteria "lot numbers chosen by the test engineer on site; samples sealed and labelled"',
        '    }',
        `    activity batchTest: determination testing by ${engineer} {`,
        `        covers ${catalog} 4.1 .. 4.4`,
        `        check lot${i % 100} "Does every sample meet ${family.tests[i % 4].toLowerCase()}?" refs ${catalog} 4.${(i % 4) + 1} evidence "test report per lot" graded measurement`,
        '    }',
        `    activity batchInspection: determination inspection by ${engineer} { covers ${catalog} 3 }`,
        '    activity review: review by ProductReviewer',
        '    activity decision: decision by CertificationManager { criteria "every sample passes; one failure refuses the batch" }',
        '    activity batchCertificate: attestation by LicenceAdministrator issues certificate, batchCertificate',
        '}',
        ''
    ];
    return { id, text: lines.join('\n') };
}

function serviceScheme(i, family, catalog) {
    const id = `${family.code.toUpperCase()}_T6_${String(i).padStart(4, '0')}`;
    const assessor = `${family.code}Assessor`;
    const lines = [
        `// Type 6 ${family.subject} certification: ${family.noun} (ISO/IEC 17065, ISO/IEC 17067 type 6). The`,
        `// ${family.subject} is assessed through ${family.work}; surveillance repeats the assessment and audits the records.`,
        `scheme ${id} "Certification of ${family.noun}, region ${i}" {`,
        `    version "${3 + (i % 2)}.${i % 5}"`,
        '    owner "Example Approvals Ltd"',
        `    certifies ${family.subject}`,
        '    operatedUnder ISO17065',
        '    type ISO17067 6',
        `    scope "${family.noun} in region ${i}, to the scheme rules ${catalog}"`,
        `    requirement ${catalog}`,
        `    mark R${i}_LOGO "registration logo, with registration number" shape square on documents, stationery, vehicles, advertising`,
        `    activity application: applicationReview by ProductApplicationReviewer`,
        `    activity jobSelection: selection by ${assessor} { sample "two ${family.work} of the last six months, chosen by the assessor" }`,
        `    activity initialAssessment: determination serviceAssessment by ${assessor} {`,
        `        covers ${catalog} 1 .. 3`,
        `        check work${i % 100} "Do the sampled ${family.work} meet the rules for ${family.headings[1].toLowerCase()}?" refs ${catalog} 2.1 evidence "assessor's record for each job" graded findings`,
        '    }',
        '    activity review: review by ProductReviewer',
        '    activity decision: decision by CertificationManager { criteria "no dangerous defect in the sampled work; nonconformities closed" }',
        `    activity registration: attestation by LicenceAdministrator issues certificate, rightToUseCertificate, markLicence licenses R${i}_LOGO`,
        '    surveillance every 12 months firstWithin 12 months {',
        `        activity annualSelection: selection by ${assessor} { sample "one job completed since the last visit" }`,
        `        activity annualAssessment: determination serviceAssessment by ${assessor} { covers ${catalog} 2 }`,
        `        activity annualOfficeAudit: determination audit by ${assessor} { covers ${catalog} 1, ${catalog} 3 .. 5 }`,
        '    }',
        '}',
        ''
    ];
    return { id, text: lines.join('\n') };
}

// ---- The workspace ---------------------------------------------------------------------------

/** Path of the management-system division's roles: every ISO 9001 scheme and its people refer to it. */
export const HUB = 'shared/roles.certa';

/**
 * `size` files (at least 100): half of them are the management-system division (ISO 9001 schemes and
 * their people, all referring to HUB), the other half the product division.
 * Returns `{ files: [{ path, text }], hub, leaf, hubReferrers }`.
 */
export function syntheticWorkspace(size, now = new Date()) {
    if (size < 100) throw new Error(`a workspace needs at least 100 files, not ${size}`);
    const files = [];
    const add = (path, text) => files.push({ path, text });
    add('shared/competences.certa', competencesFile());
    add(HUB, rolesFile([
        '// Roles of the management-system division, shared by every ISO 9001 scheme and its person register.',
        '// Auditors, reviewers and decision makers are different people (ISO/IEC 17021-1 9.5.1.2).'
    ], systemsRoles));
    add('products/roles.certa', rolesFile(['// Roles of the product, process and service division (ISO/IEC 17065 6.1.2).'], productRoles));

    // Management-system division: HUB's referrers, exactly half of the workspace.
    const systemsHalf = Math.floor(size / 2);
    const systemsSchemes = Math.ceil(systemsHalf / 2);
    const systemsPeople = systemsHalf - systemsSchemes;
    for (let i = 0; i < systemsSchemes; i++) {
        const scheme = msScheme(i + 1);
        add(`systems/schemes/${scheme.id.toLowerCase()}.certa`, scheme.text);
    }
    for (let i = 0; i < systemsPeople; i++) {
        add(`systems/people/person-${String(i + 1).padStart(4, '0')}.certa`, personFile(i, systemsPostings[i % systemsPostings.length], 'Management-system division', now));
    }

    // Product division: the rest, minus the three shared files.
    const productHalf = size - systemsHalf - 3;
    const catalogCount = Math.max(productFamilies.length + serviceFamilies.length, Math.round(productHalf * 0.16));
    const peopleCount = Math.max(productPostings.length, Math.round(productHalf * 0.28));
    const schemeCount = productHalf - catalogCount - peopleCount;
    const catalogs = new Map();
    for (let k = 0; k < catalogCount; k++) {
        const familyIndex = k % (productFamilies.length + serviceFamilies.length);
        const part = Math.floor(k / (productFamilies.length + serviceFamilies.length)) + 1;
        const catalog = familyIndex < productFamilies.length
            ? productCatalog(productFamilies[familyIndex], part)
            : rulesCatalog(serviceFamilies[familyIndex - productFamilies.length], part);
        if (!catalogs.has(familyIndex)) catalogs.set(familyIndex, []);
        catalogs.get(familyIndex).push(catalog.id);
        add(`catalogs/${catalog.id.toLowerCase().replace(/_/g, '-')}.certa`, catalog.text);
    }
    for (let i = 0; i < peopleCount; i++) {
        add(`products/people/person-${String(i + 1).padStart(4, '0')}.certa`, personFile(systemsPeople + i, productPostings[i % productPostings.length], 'Product division', now));
    }
    // Of every seven product schemes: three type 5, two type 1b, one service and one process scheme.
    const kinds = ['t5', 'b', 't5', 's0', 'b', 't5', 's1'];
    for (let i = 0; i < schemeCount; i++) {
        const kind = kinds[i % kinds.length];
        const n = i + 1;
        let scheme;
        if (kind === 't5' || kind === 'b') {
            const f = Math.floor(i / kinds.length) % productFamilies.length;
            const list = catalogs.get(f);
            const catalog = list[Math.floor(i / (kinds.length * productFamilies.length)) % list.length];
            scheme = kind === 't5' ? type5Scheme(n, productFamilies[f], catalog) : batchScheme(n, productFamilies[f], catalog);
        } else {
            const s = Number(kind[1]);
            const list = catalogs.get(productFamilies.length + s);
            scheme = serviceScheme(n, serviceFamilies[s], list[Math.floor(i / kinds.length) % list.length]);
        }
        add(`products/schemes/${scheme.id.toLowerCase()}.certa`, scheme.text);
    }
    if (files.length !== size) throw new Error(`generated ${files.length} files for a workspace of ${size}`);
    return { files, hub: HUB, leaf: 'systems/schemes/qms_0001.certa', hubReferrers: systemsHalf };
}

/** One file that validates clean on its own (scheme, roles, competences, people): the cold CLI's input. */
export function selfContainedFile(now = new Date()) {
    const until = addMonths(now, 24);
    const scheme = msScheme(7).text.replace(/^\/\/.*\n/gm, '');
    const roles = rolesFile(['// Roles, competences and people of a small certification body, all in the scheme file.'], systemsRoles);
    const used = new Set(systemsRoles.flatMap(r => r[2]));
    const competences = competencesFile().split('\n\n').filter(block => {
        const name = /competence (\w+)/.exec(block)?.[1];
        return name !== undefined && used.has(name);
    }).join('\n\n');
    const people = systemsPostings.concat(systemsPostings).map((roles, i) => {
        const competent = [...new Set(roles.flatMap(r => needsOf.get(r)))];
        const areas = competent.includes('SectorKnowledge') ? '\n    areas IAF 19' : '';
        return `person staff${i} "${firstNames[i]} ${lastNames[i]}" {\n    qualified ${roles.map(r => `${r} until ${until}`).join(', ')}\n    competent ${competent.join(', ')}${areas}\n}`;
    }).join('\n');
    return `${scheme}\n${roles}\n${competences}\n\n${people}\n`;
}
