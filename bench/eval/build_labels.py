#!/usr/bin/env python3
"""Write every label file of the evaluation set from the table below, then check the set.

Each posting lists its items once: (text, must, type, verdicts, notes). `verdicts` holds three
letters, one per record in the order of RECORDS (m = met, p = partial, g = gap); `notes` maps a
record key (D, R, A) or "*" (all records) to a short reason, written where the verdict needed a
judgement. Text, must and type are therefore identical for the three records by construction.

Run: python3 build_labels.py   (rewrites */labels, */holdout-labels and the *-holdout sets, then
verifies postings, verbatim item texts and persona YAML).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RECORDS = {"D": "deputy-uk", "R": "rural-coach", "A": "elem-ap"}
V = {"m": "met", "p": "partial", "g": "gap"}
REQ, PREF = "required", "preferred"
EDU, CRED, EXP, SKILL, RESP = "education", "credential", "experience", "skill", "responsibility"

NPQ = "NPQSL earned, NPQH in progress: England's school-leadership qualifications, taken as the nearest equivalent from another jurisdiction (not a licence)"
ASC = "holds the California Clear Administrative Services Credential: the same kind of credential from another state"
QTS_US = "holds a US state teaching licence: the same kind of credential from another jurisdiction"
MED = "M.Ed. Curriculum and Instruction is in progress (bachelor's earned)"
BUDGET_D = "has managed department and pastoral budgets only; the CEO's feedback names the whole-school budget as a growth area"
BUDGET_A = (
    "school-finance coursework only; the principal's 2026 feedback names budget as a growth area, so not met"
)
KS3 = "taught and led in an 11-18 secondary school (Key Stage 3 covers the middle-grade ages), but the posting names middle school: another school level"

DEV = {
    "uk-deputy-01.txt": [
        ("Qualified Teacher Status", REQ, CRED, "mpp", {"R": QTS_US, "A": QTS_US}),
        ("Degree", REQ, EDU, "mmm", {}),
        (
            "NPQSL or NPQH, completed or under way",
            PREF,
            CRED,
            "mgp",
            {
                "A": "no NPQ; the California Administrative Services Credential is the nearest school-leadership qualification, from another jurisdiction"
            },
        ),
        (
            "Designated Safeguarding Lead training within the last two years",
            REQ,
            CRED,
            "mgg",
            {"D": "DSL refresher September 2025, valid to 2027"},
        ),
        ("Safer recruitment training", PREF, CRED, "mgg", {}),
        (
            "Successful experience as a senior leader (assistant or deputy headteacher) in a secondary school",
            REQ,
            EXP,
            "mgp",
            {"A": "assistant principal, but of an elementary school: another school level"},
        ),
        (
            "At least three years' experience as a member of a secondary school senior leadership team",
            REQ,
            EXP,
            "mgp",
            {"A": "assistant principal since August 2024 (two full school years) and at elementary level"},
        ),
        (
            "Experience of leading behaviour and attendance across a whole school, with measurable impact",
            REQ,
            EXP,
            "mgm",
            {
                "A": "whole-school discipline/PBIS and attendance with figures; general leadership is judged by scope, not school level"
            },
        ),
        (
            "Experience as a Designated Safeguarding Lead or Deputy DSL",
            REQ,
            EXP,
            "mgg",
            {
                "A": "site lead for child-welfare concerns in California, but never held the DSL role; named-role experience counts only time in the role"
            },
        ),
        (
            "Experience of working with external agencies, including children's social care and the police",
            REQ,
            EXP,
            "mgm",
            {
                "A": "works with county Family and Children's Services and the sheriff's school resource officer"
            },
        ),
        ("Experience of Ofsted inspection as a member of the senior leadership team", PREF, EXP, "mgg", {}),
        (
            "Experience of line-managing middle leaders and holding them to account",
            REQ,
            EXP,
            "mgp",
            {"A": "evaluates teachers and classified staff, not middle leaders"},
        ),
        (
            "Experience of teaching across Key Stages 3, 4 and 5",
            PREF,
            EXP,
            "mpp",
            {
                "R": "elementary teaching only: another school level",
                "A": "K-2 teaching only: another school level",
            },
        ),
        ("Experience of working across a multi-academy trust", PREF, EXP, "mgg", {}),
        (
            "Thorough knowledge of Keeping Children Safe in Education and statutory safeguarding guidance",
            REQ,
            SKILL,
            "mgp",
            {"A": "child-protection practice under California law: another country's rules"},
        ),
        (
            "Understanding of the SEND Code of Practice and the role of the SENCO",
            REQ,
            SKILL,
            "mgp",
            {"A": "Section 504, SST and IEP work under US law: another country's rules"},
        ),
        (
            "Understanding of school finance and budget management",
            PREF,
            SKILL,
            "mgp",
            {
                "D": "manages the £160k pastoral and alternative-provision budget and ran a department budget; the growth area in feedback is the whole-school budget, which this deputy criterion does not ask",
                "A": BUDGET_A,
            },
        ),
        (
            "Ability to analyse attendance and behaviour data and act on it",
            REQ,
            SKILL,
            "mpm",
            {"R": "analyses MAP and screener data (an adjacent skill), never attendance or behaviour data"},
        ),
        (
            "Ability to lead and motivate staff, and to hold difficult conversations",
            REQ,
            SKILL,
            "mpm",
            {
                "R": "leads a small team, but feedback names difficult conversations with veteran teachers as a growth area"
            },
        ),
        (
            "Excellent communication with pupils, parents and governors",
            REQ,
            SKILL,
            "mpm",
            {
                "R": "pupils and parents only; no work with a board or governors",
                "A": "pupils, parents (in two languages) and the School Site Council, the school's governance body",
            },
        ),
    ],
    "district-curric-01.txt": [
        (
            "Master's degree in curriculum and instruction, educational leadership or a related field.",
            REQ,
            EDU,
            "gpm",
            {"D": "bachelor's (and PGCE) only: below the level asked", "R": MED},
        ),
        (
            "Colorado Principal or Administrator license, or eligibility to obtain one.",
            REQ,
            CRED,
            "pgp",
            {"D": NPQ, "A": ASC},
        ),
        ("Doctorate preferred.", PREF, EDU, "ggg", {}),
        ("Minimum of five years of successful classroom teaching experience.", REQ, EXP, "mmm", {}),
        (
            "Minimum of three years of experience in school or district administration.",
            REQ,
            EXP,
            "mgp",
            {
                "A": "assistant principal since August 2024 (two full school years) plus a two-month summer principalship: fewer than three"
            },
        ),
        (
            "Experience leading curriculum adoption or curriculum writing at the district level.",
            REQ,
            EXP,
            "pgg",
            {"D": "rewrote her department's Key Stage 3 maths scheme of work: a smaller scope"},
        ),
        (
            "Experience with Colorado's state assessment system (CMAS) desired.",
            PREF,
            EXP,
            "pgp",
            {
                "D": "GCSE and Key Stage 4 results work: another country's assessment system",
                "R": "only MAP Growth and screeners, which are not state assessments",
                "A": "site CAASPP and ELPAC coordinator: another state's system",
            },
        ),
        (
            "Knowledge of the Colorado Academic Standards across content areas.",
            REQ,
            SKILL,
            "ppp",
            {"*": "curriculum knowledge shown only for another state's or country's standards"},
        ),
        (
            "Skill in analyzing assessment data and presenting it to boards, staff and the public.",
            REQ,
            SKILL,
            "ppp",
            {
                "D": "analyses GCSE and Progress 8 data, but her reports to governors are on behaviour, attendance and safeguarding; no assessment data presented to a board or the public",
                "R": "data meetings with teachers only, no board",
                "A": "analysis and staff use of data; no board presentations",
            },
        ),
        ("Ability to plan and deliver professional development for adults.", REQ, SKILL, "mmm", {}),
        (
            "To lead the review, selection and adoption of curriculum materials for grades K-12.",
            REQ,
            RESP,
            "pgg",
            {"D": "department-level schemes of work and resources: smaller scope"},
        ),
        (
            "To coordinate the writing of district curriculum maps and common assessments.",
            REQ,
            RESP,
            "ppp",
            {"*": "common assessments for a department or grade team only: smaller scope"},
        ),
        (
            "To monitor the implementation of curriculum in classrooms through regular school visits.",
            REQ,
            RESP,
            "ppp",
            {
                "*": "learning walks, coaching visits or observations within one school: smaller scope than a district"
            },
        ),
        (
            "To serve as the district assessment coordinator for state and local assessments.",
            REQ,
            RESP,
            "ggp",
            {"A": "site testing coordinator: smaller scope"},
        ),
        (
            "To prepare the annual district achievement report for the Board of Education.",
            REQ,
            RESP,
            "pgg",
            {
                "D": "termly behaviour, attendance and safeguarding reports to a school's governing committee: related, smaller scope"
            },
        ),
        (
            "To plan the district's professional development calendar with principals.",
            REQ,
            RESP,
            "ppp",
            {"*": "planned professional learning within one school only: smaller scope"},
        ),
        (
            "To oversee the READ Act plans and literacy intervention programs in grades K-3.",
            REQ,
            RESP,
            "gpp",
            {
                "R": "school-level Title I reading intervention and summer K-3 reading in Montana: smaller scope, another state's law",
                "A": "school-level K-3 reading intervention program in California: smaller scope, another state's law",
            },
        ),
        (
            "To write and manage federal grant applications, including Title I, II and IV.",
            REQ,
            RESP,
            "gpp",
            {
                "R": "wrote one small local grant: adjacent, not federal",
                "A": "coursework on Title I and III budgets only; has not managed categorical funds (feedback)",
            },
        ),
        (
            "To supervise the district's instructional coaches.",
            REQ,
            RESP,
            "pgg",
            {"D": "led a school coaching programme and trained its 12 coaches: smaller scope"},
        ),
    ],
    "rural-supt-01.txt": [
        (
            "Montana Class 3 Administrative License with a superintendent endorsement, or eligibility to obtain it by July 1",
            REQ,
            CRED,
            "pgp",
            {"D": NPQ, "A": ASC + " (in California the ASC also covers district posts)"},
        ),
        (
            "Master's degree in educational leadership or school administration",
            REQ,
            EDU,
            "gpm",
            {"D": "bachelor's only: below the level asked", "R": MED + ", in a different field"},
        ),
        ("Minimum of three years of teaching experience (K-12)", REQ, EXP, "mmm", {}),
        (
            "Experience as a principal or assistant principal preferred",
            PREF,
            EXP,
            "mgm",
            {
                "D": "assistant and deputy headteacher since 2018, and acting headteacher for a term: the role or above"
            },
        ),
        (
            "Knowledge of Montana school law, school finance and the state's accreditation standards",
            REQ,
            SKILL,
            "pgp",
            {
                "D": "English statutory guidance and inspection: another country's rules",
                "R": "nothing in the record on school law, finance or accreditation",
                "A": "school law and finance in a California program: another state's rules",
            },
        ),
        ("Strong written and oral communication skills", REQ, SKILL, "mmm", {}),
        ("Experience in a small or rural school", PREF, EXP, "gmg", {}),
        (
            "Experience in a K-8 school or a middle school",
            PREF,
            EXP,
            "pmp",
            {"D": KS3, "A": "TK-5 only: another school level"},
        ),
        (
            "Serve as the executive officer of the Board of Trustees, attend all board meetings and make recommendations on policy",
            REQ,
            RESP,
            "pgg",
            {
                "D": "reports to the local governing committee and did so as acting head for a term; not a board's executive officer"
            },
        ),
        (
            "Prepare and administer the district budget, including the general fund and federal programs, with the district clerk",
            REQ,
            RESP,
            "pgp",
            {"D": BUDGET_D, "A": BUDGET_A},
        ),
        (
            "Recruit, hire and mentor staff, and recommend appointments to the board",
            REQ,
            RESP,
            "mpp",
            {
                "D": "recruited maths staff, sits on appointment panels, led appointments as acting head, mentored trainees and NQTs",
                "R": "mentored a student teacher only; no hiring",
                "A": "hired staff only for a summer site; feedback says she has not led hiring",
            },
        ),
        (
            "Supervise and evaluate all certified and classified staff",
            REQ,
            RESP,
            "pgp",
            {
                "D": "appraises the leaders she line-manages; led all staff only for one acting term, without evaluating them all",
                "A": "evaluates 14 teachers and the support staff, sharing the staff with the principal",
            },
        ),
        (
            "Serve as instructional leader for grades K-8, leading the curriculum, MTSS and assessment program",
            REQ,
            RESP,
            "ppp",
            {
                "D": "whole-school teaching and learning lead, but in a secondary school",
                "R": "K-8 coach and MTSS member, not the leader of the program",
                "A": "leads MTSS/SST and testing in a TK-5 school under the principal",
            },
        ),
        ("Oversee student discipline, attendance and safety", REQ, RESP, "mgm", {}),
        (
            "Oversee transportation, food service and facilities with the clerk and the head custodian",
            REQ,
            RESP,
            "ggp",
            {"A": "ran daily operations with the clerk and custodian at a summer site only"},
        ),
        (
            "Communicate with parents and the community, including a monthly newsletter and community events",
            REQ,
            RESP,
            "mmm",
            {},
        ),
    ],
    "ca-ap-01.txt": [
        (
            "Possession of a valid California Administrative Services Credential (Preliminary or Clear)",
            REQ,
            CRED,
            "pgm",
            {"D": NPQ},
        ),
        (
            "Possession of a valid California teaching credential",
            REQ,
            CRED,
            "ppm",
            {
                "D": "QTS (England): the same kind of credential from another jurisdiction",
                "R": "Montana licence: another state",
            },
        ),
        ("English Learner Authorization (CLAD or equivalent)", REQ, CRED, "ggm", {}),
        ("Five years of successful teaching experience", REQ, EXP, "mmm", {}),
        ("Master's degree", PREF, EDU, "gpm", {"R": MED}),
        (
            "Middle school teaching or administrative experience",
            PREF,
            EXP,
            "ppp",
            {
                "D": KS3,
                "R": "grades 3-5 teacher; feedback says she has not yet worked in grades 6-8",
                "A": "elementary only",
            },
        ),
        ("Bilingual (Spanish/English)", PREF, SKILL, "ggm", {}),
        (
            "Knowledge of CALPADS reporting, attendance accounting and the California School Dashboard",
            REQ,
            SKILL,
            "pgp",
            {
                "D": "attendance systems and accountability in England: another country's rules",
                "A": "California attendance and chronic-absenteeism work, but no CALPADS reporting in the record",
            },
        ),
        ("Knowledge of ELPAC administration and the reclassification process", REQ, SKILL, "ggm", {}),
        (
            "Knowledge of Section 504, IEP and Student Study Team procedures",
            REQ,
            SKILL,
            "ppm",
            {
                "D": "SEND and EHCP procedures in England: another country's rules",
                "R": "member of the school's MTSS team, the nearest thing to an SST",
            },
        ),
        (
            "Ability to de-escalate conflict and apply restorative practices",
            REQ,
            SKILL,
            "mgm",
            {
                "A": "restorative conversations in daily discipline work; her CPI certificate has lapsed but the practice is shown"
            },
        ),
        (
            "Administer student discipline, including suspension and expulsion procedures under the Education Code",
            REQ,
            RESP,
            "pgm",
            {"D": "suspensions under English law: another country's rules"},
        ),
        ("Supervise and evaluate certificated and classified staff as assigned", REQ, RESP, "mgm", {}),
        ("Coordinate the site's ELPAC and CAASPP testing", REQ, RESP, "ggm", {}),
        (
            "Chair SST and 504 meetings and attend IEP meetings as the administrator designee",
            REQ,
            RESP,
            "ppm",
            {
                "D": "oversees SEND and EHCP reviews with the SENCO in England",
                "R": "sits on (does not chair) the MTSS team",
            },
        ),
        (
            "Manage attendance interventions, including SART and SARB",
            REQ,
            RESP,
            "pgm",
            {"D": "tiered attendance interventions under England's system"},
        ),
        (
            "Oversee the master schedule and elective placement with the principal and counselors",
            REQ,
            RESP,
            "ggg",
            {
                "D": "feedback names the timetable as a growth area (shadowing only)",
                "A": "feedback says she has not led the master schedule",
            },
        ),
        (
            "Work with the English Learner Advisory Committee and the School Site Council",
            REQ,
            RESP,
            "pgm",
            {"D": "reports to the local governing committee; no English-learner parent committee"},
        ),
    ],
    "dean-01.txt": [
        ("Lead the school's positive behavior system and its Tier 1 expectations.", REQ, RESP, "mgm", {}),
        (
            "Conduct investigations of student misconduct and assign consequences consistent with the Student Handbook and Arizona law.",
            REQ,
            RESP,
            "pgp",
            {"D": "discipline under English law", "A": "discipline under California law"},
        ),
        ("Hold restorative conferences with students, families and staff.", REQ, RESP, "mgm", {}),
        (
            "Track discipline and attendance data and report trends to the leadership team monthly.",
            REQ,
            RESP,
            "mgm",
            {},
        ),
        (
            "Supervise arrival, lunch and dismissal.",
            REQ,
            RESP,
            "ggm",
            {"D": "no supervision duties in the record", "A": "rebuilt and runs the yard supervision plan"},
        ),
        ("Serve as the school's McKinney-Vento liaison.", REQ, RESP, "ggg", {}),
        (
            "Coordinate the school's threat assessment team.",
            REQ,
            RESP,
            "pgp",
            {
                "D": "DSL working with the police and social care: related risk work, not threat assessment",
                "A": "school safety plan and child-welfare lead: related, not threat assessment",
            },
        ),
        (
            "Meet with families in person and by phone when concerns arise.",
            REQ,
            RESP,
            "mpm",
            {"R": "regular notes and events for families, but no record of meetings about concerns"},
        ),
        ("Bachelor's degree required.", REQ, EDU, "mmm", {}),
        ("Master's degree preferred.", PREF, EDU, "gpm", {"R": MED}),
        ("Minimum of three years of teaching experience.", REQ, EXP, "mmm", {}),
        (
            "Middle school experience is a plus.",
            PREF,
            EXP,
            "ppp",
            {
                "D": KS3,
                "R": "elementary teacher; feedback says she has not worked in grades 6-8",
                "A": "elementary only",
            },
        ),
        ("Experience leading student discipline or behavior intervention.", REQ, EXP, "mgm", {}),
        (
            "Knowledge of trauma-informed practices and de-escalation.",
            REQ,
            SKILL,
            "mgp",
            {
                "A": "de-escalation certificate (CPI) lapsed and no trauma-informed work in the record; restorative discipline is adjacent"
            },
        ),
        ("Strong organizational skills and attention to detail.", REQ, SKILL, "mmm", {}),
        ("Spanish fluency is a plus.", PREF, SKILL, "ggm", {}),
    ],
    "ecd-01.txt": [
        (
            "Ensure the center meets all state licensing requirements and maintains required ratios",
            REQ,
            RESP,
            "ggg",
            {"D": "school compliance audits are not early-years licensing"},
        ),
        (
            "Hire, train, supervise and evaluate teaching staff and assistants",
            REQ,
            RESP,
            "mpp",
            {
                "R": "trains (PD) and mentored a student teacher; no hiring, supervision or evaluation",
                "A": "trains, supervises and evaluates, but has hired only for a summer site and feedback says she has not led hiring",
            },
        ),
        (
            "Manage the center's budget, tuition billing and subsidy reimbursements",
            REQ,
            RESP,
            "pgp",
            {"D": BUDGET_D, "A": BUDGET_A},
        ),
        (
            "Plan and oversee the curriculum and child assessments",
            REQ,
            RESP,
            "ppp",
            {"*": "curriculum and assessment work only at another school level (not birth to five)"},
        ),
        (
            "Build partnerships with families and community agencies, including referrals for health and developmental screening",
            REQ,
            RESP,
            "mpm",
            {"R": "families only, no agency partnerships"},
        ),
        (
            "Oversee health, safety, nutrition and facility maintenance",
            REQ,
            RESP,
            "pgp",
            {"D": "safeguarding lead only", "A": "school safety plan and summer-site operations only"},
        ),
        (
            "Bachelor's degree in early childhood education, child development or a related field",
            REQ,
            EDU,
            "pmp",
            {
                "D": "mathematics: unrelated field",
                "R": "elementary education: a related field",
                "A": "liberal studies, a general degree rather than child development or education",
            },
        ),
        (
            "Minimum of three years of experience teaching in a licensed early learning program (birth to age 5)",
            REQ,
            EXP,
            "ppp",
            {
                "*": "classroom teaching only at another school level",
                "A": "kindergarten is the nearest, but in a K-12 school, not a birth-to-five program",
            },
        ),
        (
            "Minimum of two years of supervisory or administrative experience",
            REQ,
            EXP,
            "mpm",
            {
                "R": "in her first year of a leadership role (coach), plus one year as an unsupervisory team lead: fewer years than asked"
            },
        ),
        (
            "Knowledge of Washington's early learning licensing standards (WAC 110-300) and Early Achievers",
            REQ,
            SKILL,
            "ggg",
            {},
        ),
        (
            "Current CPR and pediatric first aid certification, or the ability to obtain it within 30 days of hire",
            REQ,
            CRED,
            "ggg",
            {
                "D": "holds an expired youth mental-health first aid certificate, not CPR or paediatric first aid"
            },
        ),
        ("Strong written and verbal communication skills", REQ, SKILL, "mmm", {}),
        ("Experience with Head Start or ECEAP performance standards", PREF, EXP, "ggg", {}),
        ("Ability to communicate in Spanish", PREF, SKILL, "ggm", {}),
    ],
    "nm-principal-01.txt": [
        ("Master's degree from an accredited institution.", REQ, EDU, "gpm", {"R": MED}),
        (
            "New Mexico Level 3-B Educational Administration License (PreK-12), or eligibility for it.",
            REQ,
            CRED,
            "pgp",
            {"D": NPQ, "A": ASC},
        ),
        ("At least three years of experience as a licensed teacher.", REQ, EXP, "mmm", {}),
        (
            "Administrative experience at the elementary level desired.",
            PREF,
            EXP,
            "pgm",
            {"D": "senior leadership only in a secondary school: another school level"},
        ),
        ("Experience with bilingual or dual language programs desired.", PREF, EXP, "ggm", {}),
        (
            "Priority will be given to candidates who hold a TESOL or Bilingual endorsement.",
            PREF,
            CRED,
            "ggp",
            {
                "*": "'Priority will be given to' read as preferred",
                "A": "California Bilingual Authorization (Spanish): another state",
            },
        ),
        (
            "Priority will be given to candidates with successful experience as an assistant principal or principal.",
            PREF,
            EXP,
            "mgm",
            {
                "*": "'Priority will be given to' read as preferred",
                "D": "assistant and deputy headteacher since 2018: the role or above",
            },
        ),
        (
            "Priority will be given to candidates who speak Spanish.",
            PREF,
            SKILL,
            "ggm",
            {"*": "'Priority will be given to' read as preferred"},
        ),
        (
            "Lead the school's instructional program for grades K-5.",
            REQ,
            RESP,
            "ppp",
            {
                "D": "whole-school teaching and learning lead in a secondary school",
                "R": "coach, not the leader of the program",
                "A": "leads parts of the program as assistant principal under the principal",
            },
        ),
        (
            "Conduct teacher evaluations using the NMTEACH system.",
            REQ,
            RESP,
            "pgp",
            {
                "D": "appraisal in England",
                "R": "non-evaluative coach",
                "A": "evaluations under California's standards",
            },
        ),
        (
            "Develop and monitor the school's improvement plan with the instructional leadership team.",
            REQ,
            RESP,
            "pgp",
            {
                "D": "led strands (Key Stage 4 raising achievement, behaviour and attendance) and self-evaluation, not the plan itself",
                "A": "co-wrote two SPSA goals; the principal leads the plan",
            },
        ),
        (
            "Manage the school budget, including Title I funds, in line with district procedures.",
            REQ,
            RESP,
            "pgp",
            {"D": BUDGET_D, "A": BUDGET_A},
        ),
        (
            "Supervise all certified and classified staff.",
            REQ,
            RESP,
            "mgp",
            {
                "D": "acting headteacher of the whole school for the summer term 2024",
                "A": "supervises the staff assigned to her, under the principal",
            },
        ),
        ("Ensure a safe and orderly campus, including student discipline.", REQ, RESP, "mgm", {}),
        ("Build strong partnerships with families and the community.", REQ, RESP, "mmm", {}),
        (
            "Oversee special education services, 504 plans and the Student Assistance Team (SAT) process.",
            REQ,
            RESP,
            "ppp",
            {
                "D": "line-manages SEND in England",
                "R": "member of the MTSS team",
                "A": "runs 504 and SST and attends IEPs, but does not oversee special education services; SAT is New Mexico's process",
            },
        ),
    ],
    "sped-01.txt": [
        (
            "Master's degree in special education, educational leadership or a related field",
            REQ,
            EDU,
            "gpm",
            {"R": MED},
        ),
        (
            "Illinois Professional Educator License (PEL) endorsed for Learning Behavior Specialist I (LBS1)",
            REQ,
            CRED,
            "ggg",
            {
                "*": "no special education endorsement in any jurisdiction; a general teaching licence is not this credential"
            },
        ),
        (
            "Principal or Director of Special Education endorsement preferred",
            PREF,
            CRED,
            "pgp",
            {"D": NPQ, "A": ASC},
        ),
        ("Minimum of three years of experience as a special education teacher", REQ, EXP, "ggg", {}),
        (
            "Experience chairing IEP meetings",
            REQ,
            EXP,
            "pgp",
            {
                "D": "oversees EHCP annual reviews with the SENCO in England; has not chaired them",
                "A": "attends IEP meetings as administrator designee and chairs SST and 504 meetings",
            },
        ),
        (
            "Thorough knowledge of IDEA, Section 504 and Illinois special education rules (23 Ill. Adm. Code 226)",
            REQ,
            SKILL,
            "pgp",
            {"D": "SEND law in England", "A": "IDEA and 504 in California practice; not Illinois rules"},
        ),
        (
            "Knowledge of MTSS and evidence-based interventions for reading and behavior",
            REQ,
            SKILL,
            "ppm",
            {
                "D": "behaviour interventions only, no MTSS or reading",
                "R": "MTSS and reading intervention, no behavior",
            },
        ),
        (
            "Skill in writing legally compliant, measurable IEP goals",
            REQ,
            SKILL,
            "ggp",
            {"A": "writes 504 plans (adjacent), not IEP goals"},
        ),
        (
            "Ability to facilitate difficult conversations with families and staff",
            REQ,
            SKILL,
            "mpm",
            {"R": "feedback names difficult conversations with veteran teachers as a growth area"},
        ),
        (
            "Coordinate special education services across the district's four schools",
            REQ,
            RESP,
            "pgp",
            {"*": "school-level SEND or 504/SST work only: smaller scope"},
        ),
        (
            "Supervise and evaluate special education teachers, paraprofessionals and related service staff",
            REQ,
            RESP,
            "pgp",
            {
                "D": "line-manages and appraises the SENCO only",
                "A": "evaluates teachers and support staff, not a special education team",
            },
        ),
        (
            "Monitor IEP compliance and timelines and prepare state reports",
            REQ,
            RESP,
            "pgp",
            {"D": "monitors EHCP reviews in England", "A": "504 annual reviews; attends IEPs"},
        ),
        (
            "Serve as the district's Section 504 coordinator",
            REQ,
            RESP,
            "pgp",
            {"D": "school SEND oversight in England: related", "A": "site 504 coordinator: smaller scope"},
        ),
        (
            "Lead professional development for staff on inclusive practices and behavior supports",
            REQ,
            RESP,
            "mpp",
            {
                "D": "trained all staff on the behaviour policy, de-escalation and trauma-informed responses",
                "R": "leads reading PD, not inclusion or behavior",
                "A": "led reading PD and relaunched PBIS, but no staff PD on inclusion recorded",
            },
        ),
        (
            "Work with families, outside agencies and the Special Education Cooperative",
            REQ,
            RESP,
            "mpm",
            {"R": "families only"},
        ),
        (
            "Manage the special education budget and the IDEA Part B grant",
            REQ,
            RESP,
            "pgp",
            {"D": BUDGET_D, "A": BUDGET_A},
        ),
    ],
}

HOLDOUT = {
    "tx-ap-01.txt": [
        ("Master's degree from an accredited college or university", REQ, EDU, "gpm", {"R": MED}),
        (
            "Valid Texas Principal as Instructional Leader certificate (or Mid-Management Administrator certificate)",
            REQ,
            CRED,
            "pgp",
            {"D": NPQ, "A": ASC},
        ),
        (
            "T-TESS appraiser certification",
            REQ,
            CRED,
            "ggg",
            {"A": "evaluates teachers in California, but holds no appraiser certification"},
        ),
        (
            "Bilingual/ESL certification preferred",
            PREF,
            CRED,
            "ggp",
            {"A": "California Bilingual Authorization: another state"},
        ),
        ("Minimum of three years of successful classroom teaching experience", REQ, EXP, "mmm", {}),
        (
            "Elementary teaching experience preferred",
            PREF,
            EXP,
            "pmm",
            {"D": "secondary teaching only: another school level"},
        ),
        (
            "Previous campus leadership experience (e.g., instructional coach, department chair, dean) preferred",
            PREF,
            EXP,
            "mmm",
            {},
        ),
        (
            "Knowledge of STAAR, TELPAS and the state accountability system",
            REQ,
            SKILL,
            "pgp",
            {
                "D": "GCSE and Progress 8 accountability in England",
                "R": "no state-assessment work in the record",
                "A": "CAASPP and ELPAC: another state's system",
            },
        ),
        (
            "Knowledge of special education law and the ARD process",
            REQ,
            SKILL,
            "pgp",
            {"D": "SEND law in England", "A": "IEP meetings and 504 in California; ARD is Texas's process"},
        ),
        ("Ability to communicate in Spanish preferred", PREF, SKILL, "ggm", {}),
        (
            "Assist the principal in supervising and appraising teachers using T-TESS.",
            REQ,
            RESP,
            "pgp",
            {
                "D": "appraisal in England",
                "R": "non-evaluative coach",
                "A": "evaluations under California's standards, not T-TESS",
            },
        ),
        (
            "Serve as the campus 504 coordinator and attend ARD committee meetings as the administrator representative.",
            REQ,
            RESP,
            "pgp",
            {
                "D": "SEND oversight in England",
                "A": "site 504 coordinator and IEP administrator designee, but under California's procedures, not Texas ARD",
            },
        ),
        (
            "Coordinate campus STAAR and TELPAS testing as the campus testing coordinator.",
            REQ,
            RESP,
            "ggp",
            {"A": "site testing coordinator for California's tests"},
        ),
        (
            "Manage student discipline in line with the Student Code of Conduct and Chapter 37 of the Texas Education Code.",
            REQ,
            RESP,
            "pgp",
            {"D": "discipline under English law", "A": "discipline under California law"},
        ),
        (
            "Lead MTSS/RTI meetings and monitor student intervention plans.",
            REQ,
            RESP,
            "pmm",
            {
                "D": "no MTSS/RTI; SEND provision mapping with the SENCO is related",
                "R": "runs the intervention data meetings for every grade and monitors intervention students as Title I interventionist",
            },
        ),
        (
            "Supervise students during arrival, lunch and dismissal, and support campus safety and emergency drills.",
            REQ,
            RESP,
            "pgm",
            {
                "D": "whole-school behaviour and safeguarding lead, but no supervision duties or drills in the record"
            },
        ),
        (
            "Build relationships with families, including through parent conferences and family engagement events.",
            REQ,
            RESP,
            "mmm",
            {},
        ),
        (
            "Support teacher professional development and new-teacher mentoring.",
            REQ,
            RESP,
            "mpm",
            {"R": "leads PD, but has mentored only a student teacher, not new teachers"},
        ),
        (
            "Assist with the campus budget and campus improvement plan.",
            REQ,
            RESP,
            "mgp",
            {
                "D": "manages part of the school budget with the business manager and led improvement strands (assisting, as asked)",
                "A": "co-wrote SPSA goals, but feedback names budget as a growth area",
            },
        ),
    ],
    "coach-ok-01.txt": [
        ("Master's degree or higher preferred.", PREF, EDU, "gpm", {"R": MED}),
        (
            "Must hold a valid Oklahoma teaching certificate",
            REQ,
            CRED,
            "ppp",
            {"*": "teaching licence from another state or country"},
        ),
        (
            "must be eligible for the reading specialist certificate within two years",
            REQ,
            CRED,
            "gpp",
            {
                "R": "literacy-emphasis master's and LETRS under way",
                "A": "holds California's Reading and Literacy Added Authorization: another state",
            },
        ),
        (
            "minimum of three years of successful classroom teaching experience in grades PK-5",
            REQ,
            EXP,
            "pmm",
            {"D": "secondary teaching only: another school level"},
        ),
        ("experience leading adult learning preferred", PREF, EXP, "mmm", {}),
        (
            "working knowledge of the Oklahoma Academic Standards for English Language Arts and mathematics",
            REQ,
            SKILL,
            "ppp",
            {"*": "standards knowledge shown only for another state or country"},
        ),
        (
            "Knowledge of the science of reading, including LETRS or similar training, is required.",
            REQ,
            SKILL,
            "gmm",
            {},
        ),
        ("Demonstrated ability to build trusting relationships with teachers.", REQ, SKILL, "mmm", {}),
        ("National Board Certification a plus.", PREF, CRED, "ggg", {}),
        ("Bilingual (Spanish) a plus.", PREF, SKILL, "ggm", {}),
        (
            "Lead coaching cycles with K-5 teachers, including modeling, co-teaching and feedback",
            REQ,
            RESP,
            "pmp",
            {
                "D": "designed a coaching programme in a secondary school",
                "A": "modelled lessons and supported teachers, but no coaching cycles",
            },
        ),
        (
            "Facilitate grade-level PLCs and data meetings using universal screening data",
            REQ,
            RESP,
            "pmm",
            {"D": "department data work in a secondary school; no universal screening"},
        ),
        (
            "Support teachers in implementing the district's adopted K-5 reading curriculum",
            REQ,
            RESP,
            "gmm",
            {"A": "coached K-3 teachers on structured phonics as reading specialist"},
        ),
        ("Plan and deliver professional development on early-release days", REQ, RESP, "mmm", {}),
        (
            "Serve on the site MTSS team and help teachers plan Tier 2 and Tier 3 interventions",
            REQ,
            RESP,
            "pmm",
            {"D": "no MTSS; SEND provision mapping is related"},
        ),
        (
            "Mentor first- and second-year teachers",
            REQ,
            RESP,
            "mpm",
            {"R": "has mentored only a student teacher"},
        ),
    ],
    "uk-hos-01.txt": [
        (
            "Lead, manage and develop a team of nine science teachers and two technicians",
            REQ,
            RESP,
            "mpm",
            {
                "D": "led an 11-teacher maths department; staff management is judged by scope and role, not subject",
                "R": "led a team of three or four teachers for one year: smaller scope",
            },
        ),
        (
            "Ensure high-quality teaching and learning in science across Key Stages 3 and 4",
            REQ,
            RESP,
            "ppp",
            {
                "D": "whole-school teaching-quality lead, but not in science",
                "R": "coaching K-3 reading: another level and subject",
                "A": "evaluates elementary teachers: another level",
            },
        ),
        (
            "Plan and review the science curriculum and schemes of work",
            REQ,
            RESP,
            "pgg",
            {"D": "maths schemes of work: another subject"},
        ),
        (
            "Analyse GCSE results and lead intervention for underachieving pupils",
            REQ,
            RESP,
            "mpp",
            {
                "D": "GCSE maths and whole-school Key Stage 4 analysis and intervention",
                "R": "MAP data and intervention in elementary: another level and system",
                "A": "screener data and intervention in elementary: another level and system",
            },
        ),
        (
            "Manage the science budget and resources, including the laboratories",
            REQ,
            RESP,
            "pgp",
            {"D": "managed a maths department budget; no laboratories", "A": BUDGET_A},
        ),
        ("Ensure health and safety in laboratories, following CLEAPSS guidance", REQ, RESP, "ggg", {}),
        ("Qualified Teacher Status", REQ, CRED, "mpp", {"R": QTS_US, "A": QTS_US}),
        ("A degree in a science subject", REQ, EDU, "ppp", {"*": "degree in a field other than science"}),
        (
            "Proven record of outstanding teaching of science to GCSE",
            REQ,
            EXP,
            "ppp",
            {
                "D": "strong GCSE teaching, but of mathematics",
                "R": "taught all core subjects in elementary: another level",
                "A": "self-contained K-2 teaching: another level",
            },
        ),
        (
            "Secure subject knowledge across biology, chemistry and physics to GCSE, and at least one science to A level",
            REQ,
            SKILL,
            "ggg",
            {"*": "nothing in the record shows science knowledge at this level"},
        ),
        ("Successful experience of leading a team of teachers", REQ, EXP, "mmm", {}),
        ("Experience of using assessment data to set targets and plan interventions", REQ, EXP, "mmm", {}),
        (
            "Knowledge of current safeguarding practice and the ability to apply it",
            REQ,
            SKILL,
            "mgp",
            {"A": "child-protection practice under California law: another country's rules"},
        ),
        ("Excellent interpersonal and communication skills", REQ, SKILL, "mmm", {}),
        (
            "Experience of teaching A level Biology, Chemistry or Physics",
            PREF,
            EXP,
            "pgg",
            {"D": "A level teaching, but of mathematics"},
        ),
        (
            "Experience of leading curriculum development in science at Key Stage 3",
            PREF,
            EXP,
            "pgg",
            {"D": "led Key Stage 3 curriculum development in maths"},
        ),
        (
            "Experience of mentoring trainee or early career teachers",
            PREF,
            EXP,
            "mmm",
            {
                "R": "cooperating teacher for a student teacher (a trainee)",
                "A": "weekly support for a first-year teacher",
            },
        ),
    ],
    "catholic-01.txt": [
        (
            "Practicing Catholic in good standing, with a letter of reference from a pastor",
            REQ,
            SKILL,
            "ggg",
            {"*": "faith commitment: the record cannot speak to it; typed as an attribute"},
        ),
        ("Basic catechist certification, or completion within the first two years", REQ, CRED, "ggg", {}),
        ("Master's degree in educational administration or a related field", REQ, EDU, "gpm", {"R": MED}),
        (
            "Valid teaching credential",
            REQ,
            CRED,
            "ppm",
            {"D": "QTS: posting is in California", "R": "Montana licence: posting is in California"},
        ),
        ("California Administrative Services Credential preferred", PREF, CRED, "pgm", {"D": NPQ}),
        ("Minimum of five years of teaching experience", REQ, EXP, "mmm", {}),
        ("Catholic school experience preferred", PREF, EXP, "ggg", {}),
        ("Administrative experience (assistant principal or above) preferred", PREF, EXP, "mgm", {}),
        (
            "Ability to articulate and model the Catholic faith and integrate Gospel values throughout school life",
            REQ,
            SKILL,
            "ggg",
            {},
        ),
        (
            "Sound understanding of school finance, budgeting and fundraising",
            REQ,
            SKILL,
            "pgp",
            {"D": "budget management but no fundraising", "A": BUDGET_A},
        ),
        (
            "Knowledge of the WCEA/WASC accreditation process",
            REQ,
            SKILL,
            "pgg",
            {"D": "Ofsted inspection: another country's school-review system"},
        ),
        (
            "Serve as the spiritual leader of the school community, planning liturgies and prayer with the pastor",
            REQ,
            RESP,
            "ggg",
            {},
        ),
        (
            "Recruit, hire, supervise and evaluate all faculty and staff",
            REQ,
            RESP,
            "pgp",
            {
                "D": "hires and appraises within her line management; all staff only as acting head for a term",
                "A": "evaluates her assigned staff; has not led hiring (feedback)",
            },
        ),
        (
            "Prepare the annual budget for approval by the pastor and the school board, and set tuition",
            REQ,
            RESP,
            "pgp",
            {"D": BUDGET_D, "A": BUDGET_A},
        ),
        (
            "Lead enrollment, marketing and fundraising, working with the Home and School Association",
            REQ,
            RESP,
            "gpg",
            {"R": "won a small community grant and worked with the PTO: the only fundraising-like evidence"},
        ),
        (
            "Oversee curriculum and instruction for TK-8 in line with diocesan standards",
            REQ,
            RESP,
            "ppp",
            {
                "D": "secondary teaching-and-learning lead",
                "R": "K-8 coach, not the leader of curriculum",
                "A": "TK-5 assistant principal under the principal",
            },
        ),
        ("Communicate regularly with families through newsletters and meetings", REQ, RESP, "mmm", {}),
        (
            "Ensure compliance with diocesan policies, California law and the Safe Environment program",
            REQ,
            RESP,
            "pgp",
            {
                "D": "safeguarding compliance under English law",
                "A": "California-law compliance (504, mandated reporting, safety plan) but nothing diocesan",
            },
        ),
    ],
}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def write(postings: dict, sub: str, folder: str) -> None:
    for key, rec in RECORDS.items():
        out = ROOT / rec / sub
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        for name, items in postings.items():
            reqs = []
            for text, must, typ, verdicts, notes in items:
                assert len(verdicts) == 3 and set(verdicts) <= set("mpg"), (name, text)
                r = dict(text=text, must=must, type=typ, verdict=V[verdicts["DRA".index(key)]])
                note = "; ".join(n for n in (notes.get("*"), notes.get(key)) if n)
                if note:
                    r["note"] = note
                reqs.append(r)
            (out / name.replace(".txt", ".json")).write_text(
                json.dumps(dict(posting=name, requirements=reqs), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )


def check() -> int:
    import yaml  # PyYAML

    bad = 0
    for rec in RECORDS.values():
        d = yaml.safe_load((ROOT / rec / "persona.yaml").read_text(encoding="utf-8"))
        assert d.get("careerkit") == 1 and d["profile"]["name"], rec
    for rec in list(RECORDS.values()) + [r + "-holdout" for r in RECORDS.values()]:
        d = yaml.safe_load((ROOT / rec / "persona.yaml").read_text(encoding="utf-8"))
        assert d.get("careerkit") == 1, rec
    pairs = [(rec, "labels", "postings") for rec in RECORDS.values()]
    pairs += [(rec, "holdout-labels", "holdout-postings") for rec in RECORDS.values()]
    pairs += [(rec + "-holdout", "labels", "holdout-postings") for rec in RECORDS.values()]
    for rec, sub, pdir in pairs:
        for lf in sorted((ROOT / rec / sub).glob("*.json")):
            lab = json.loads(lf.read_text(encoding="utf-8"))
            pf = ROOT / pdir / lab["posting"]
            if not pf.is_file():
                print(f"MISSING posting {pf} for {lf}")
                bad += 1
                continue
            raw = pf.read_text(encoding="utf-8")
            if "\n---\n" not in raw or not raw.startswith("source:"):
                print(f"bad header {pf}")
                bad += 1
            body = norm(raw.split("\n---\n", 1)[1])
            for r in lab["requirements"]:
                assert set(r) <= {"text", "must", "type", "verdict", "note"}, r
                assert r["must"] in (REQ, PREF) and r["type"] in (EDU, CRED, EXP, SKILL, RESP)
                assert r["verdict"] in V.values()
                if norm(r["text"]) not in body:
                    print(f"NOT VERBATIM in {pf.name}: {r['text']}")
                    bad += 1
    # same text/must/type across records
    for sub in ("labels", "holdout-labels"):
        names = {p.name for p in (ROOT / "deputy-uk" / sub).glob("*.json")}
        for n in names:
            ref = [
                (r["text"], r["must"], r["type"])
                for r in json.loads((ROOT / "deputy-uk" / sub / n).read_text())["requirements"]
            ]
            for rec in RECORDS.values():
                got = [
                    (r["text"], r["must"], r["type"])
                    for r in json.loads((ROOT / rec / sub / n).read_text())["requirements"]
                ]
                assert got == ref, (rec, n)
    return bad


def main() -> int:
    write(DEV, "labels", "postings")
    write(HOLDOUT, "holdout-labels", "holdout-postings")
    assert {p.name for p in (ROOT / "postings").glob("*.txt")} == set(DEV)
    assert {p.name for p in (ROOT / "holdout-postings").glob("*.txt")} == set(HOLDOUT)
    for rec in RECORDS.values():
        ho = ROOT / (rec + "-holdout")
        if ho.exists():
            shutil.rmtree(ho)
        (ho / "labels").mkdir(parents=True)
        shutil.copyfile(ROOT / rec / "persona.yaml", ho / "persona.yaml")
        for f in (ROOT / rec / "holdout-labels").glob("*.json"):
            shutil.copyfile(f, ho / "labels" / f.name)
    bad = check()
    for key, rec in RECORDS.items():
        for name, table in (("dev", DEV), ("holdout", HOLDOUT)):
            c = {"m": 0, "p": 0, "g": 0}
            n = 0
            for items in table.values():
                for it in items:
                    c[it[3]["DRA".index(key)]] += 1
                    n += 1
            print(f"{rec:12} {name:8} items={n:4} met={c['m']:3} partial={c['p']:3} gap={c['g']:3}")
    print("problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
